"""Figures the campaign pages show: counts per school, sessions by day.
Counts only, so they may go to district leadership as well."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from dichvucong.outreach.models import (
    Attendance,
    Campaign,
    Pupil,
    School,
    SchoolClass,
    TrainingSession,
)


@dataclass(frozen=True)
class SchoolRow:
    school: School
    classes: int
    pupils: int
    sessions: int
    trained: int


def school_rows(campaign: Campaign, school_ids: Iterable[int]) -> list[SchoolRow]:
    """One row per participating school the user may see; four queries."""
    schools = list(campaign.schools.filter(pk__in=list(school_ids)))
    in_year = {"school_year": campaign.school_year, "grade": campaign.target_grade}
    classes = _counts(SchoolClass.objects.filter(school__in=schools, **in_year), "school")
    pupils = _counts(
        Pupil.objects.filter(
            school_class__school__in=schools,
            erased_at__isnull=True,
            **{f"school_class__{key}": value for key, value in in_year.items()},
        ),
        "school_class__school",
    )
    sessions = _counts(
        TrainingSession.objects.filter(campaign=campaign, school__in=schools), "school"
    )
    trained = dict(
        Attendance.objects.filter(
            session__campaign=campaign, present=True, session__school__in=schools
        )
        .values_list("session__school")
        .annotate(n=Count("pupil", distinct=True))
        .order_by()
    )
    return [
        SchoolRow(
            s,
            classes.get(s.pk, 0),
            pupils.get(s.pk, 0),
            sessions.get(s.pk, 0),
            trained.get(s.pk, 0),
        )
        for s in schools
    ]


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
