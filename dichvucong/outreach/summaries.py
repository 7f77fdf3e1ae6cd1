"""Figures the campaign pages show: counts per school, sessions by day.
Counts only, so they may go to district leadership as well."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from dichvucong.outreach import report
from dichvucong.outreach.models import Campaign, School, SchoolClass, TrainingSession


@dataclass(frozen=True)
class SchoolRow:
    school: School
    classes: int
    pupils: int
    sessions: int
    trained: int


def school_rows(campaign: Campaign, school_ids: Iterable[int]) -> list[SchoolRow]:
    """One row per participating school the user may see; three queries.
    Pupils and those trained are counted as the year-end report counts
    them (report.campaign_pupils, report.attended): erased pupils included,
    so the anonymous counts do not shrink when a family asks for erasure."""
    schools = list(campaign.schools.filter(pk__in=list(school_ids)))
    in_year = {"school_year": campaign.school_year, "grade": campaign.target_grade}
    classes = _counts(SchoolClass.objects.filter(school__in=schools, **in_year), "school")
    pupils = _pupil_counts(campaign, schools)
    sessions = _counts(
        TrainingSession.objects.filter(campaign=campaign, school__in=schools), "school"
    )
    rows = []
    for s in schools:
        counted = pupils.get(s.pk, {})
        rows.append(
            SchoolRow(
                s,
                classes.get(s.pk, 0),
                counted.get("pupils", 0),
                sessions.get(s.pk, 0),
                counted.get("trained", 0),
            )
        )
    return rows


def _pupil_counts(campaign: Campaign, schools: list[School]) -> dict[int, dict[str, int]]:
    """{school id: {"pupils": n, "trained": n}} in one query."""
    rows = (
        report.campaign_pupils(campaign)
        .filter(school_class__school__in=schools)
        .values("school_class__school")
        .annotate(pupils=Count("pk"), trained=Count("pk", filter=Q(report.attended(campaign))))
        .order_by()
    )
    return {row.pop("school_class__school"): row for row in rows}


def _counts(queryset, field: str) -> dict[int, int]:  # type: ignore[no-untyped-def]
    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())


def totals(rows: list[SchoolRow]) -> dict[str, int]:
    return {
        name: sum(getattr(row, name) for row in rows)
        for name in ("classes", "pupils", "sessions", "trained")
    }


def sessions_by_day(
    sessions: Iterable[TrainingSession],
) -> list[tuple[date, list[TrainingSession]]]:
    """Sessions grouped by their local (Hà Nội) day, in order."""
    days: dict[date, list[TrainingSession]] = {}
    for session in sorted(sessions, key=lambda item: item.starts_at):
        days.setdefault(timezone.localtime(session.starts_at).date(), []).append(session)
    return list(days.items())


def with_attendance_counts(sessions: QuerySet[TrainingSession]) -> QuerySet[TrainingSession]:
    """Each session with `present_count` and `recorded_count`."""
    return sessions.annotate(
        present_count=Count("attendance", filter=Q(attendance__present=True)),
        recorded_count=Count("attendance"),
    )
