"""The dossiers behind the year-end report's figures (issue 12, point 6):
whoever must sign the report can open a school's figure, or all of theirs,
down to the dossiers it counted and those left pending.

What is shown, and why no more
  Per dossier: its code, the date of its result (pending ones: the date it
  was received), its status and the applicant's ward. Nothing else of the
  applicant: checking the count needs no name, number or address. The
  pupil who helped is named, with the class of the time, only to those who
  keep the school's roster (access.py); district leadership sees a
  pseudonym instead, stable within the campaign and unlinkable across
  campaigns, so it can still see that one pupil stands behind ten dossiers.

Which dossiers
  A draft report is live: the dossiers the figures count now. A submitted
  or approved one lists the ids kept in its snapshot on submission, so the
  list is exactly what the frozen figures counted; each dossier is shown as
  it stands today. A snapshot frozen before ids were kept lists nothing and
  says so (`kept` False).

Cost: a page of at most PAGE_SIZE dossiers per list, in a bounded number of
queries whatever the campaign's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.crypto import salted_hmac

from dichvucong.dossiers.constants import Status
from dichvucong.outreach import report
from dichvucong.outreach.access import Scope
from dichvucong.outreach.constants import ReportState, SuccessRule
from dichvucong.outreach.models import AssistedSubmission, Campaign, YearEndReport

PAGE_SIZE = 50
COUNTED, PENDING = "counted", "pending"
_FIELDS = (
    "dossier_id",
    "dossier__code",
    "dossier__status",
    "dossier__resolved_at",
    "dossier__returned_at",
    "dossier__received_at",
    "dossier__applicant__citizen__ward__name",
    "ambassador__pupil_id",
    report.HELPED_SCHOOL,
)
# Read only when the reader keeps a roster: names never leave the database otherwise.
_ROSTER_FIELDS = ("ambassador__pupil__full_name", "ambassador__school_class__name")


@dataclass(frozen=True)
class Line:
    code: str
    day: datetime | None  # the result's date; a pending dossier's date received
    status: str
    ward: str
    helper: str  # the pupil's name, or their pseudonym
    class_name: str  # "" when hidden


@dataclass(frozen=True)
class Listing:
    kept: bool  # False: frozen before the report kept its dossiers' ids
    page: Page | None
    lines: list[Line]


@dataclass(frozen=True)
class Detail:
    campaign: Campaign
    school: report.SchoolRow | None  # None: every school the reader sees
    frozen: bool
    names: bool  # names and classes shown (for some rows at least)
    counted: Listing
    pending: Listing


def behind(
    campaign: Campaign, scope: Scope, school_id: int | None, pages: dict[str, Any]
) -> Detail | None:
    """The dossiers behind one school's figures (or all the reader's
    schools'); None when the school is not in the report or not theirs."""
    row = YearEndReport.objects.filter(campaign=campaign).first()
    frozen = _frozen(row)
    schools = _schools(campaign, frozen, scope)
    if school_id is not None:
        schools = [s for s in schools if s.school_id == school_id]
        if not schools:
            return None
    rosters = set(scope.writable_school_ids) & {s.school_id for s in schools}
    listings = {
        kind: _listing(campaign, kind, schools, frozen, rosters, pages.get(kind))
        for kind in (COUNTED, PENDING)
    }
    only = schools[0] if school_id is not None else None
    return Detail(campaign, only, frozen is not None, bool(rosters), **listings)


def _frozen(row: YearEndReport | None) -> report.Report | None:
    if row is None or row.state == ReportState.DRAFT or not row.snapshot.get("version"):
        return None
    return report.Report.from_json(row.snapshot)


def _schools(
    campaign: Campaign, frozen: report.Report | None, scope: Scope
) -> list[report.SchoolRow]:
    """The report's schools the reader sees: the frozen ones (with their
    kept ids), or the campaign's today."""
    readable = scope.readable_school_ids
    if frozen is not None:
        return [s for s in frozen.schools if s.school_id in readable]
    found = campaign.schools.filter(pk__in=readable).order_by("name").values_list("pk", "name")
    return [report.SchoolRow(pk, name, report.Figures()) for pk, name in found]


def _listing(
    campaign: Campaign,
    kind: str,
    schools: list[report.SchoolRow],
    frozen: report.Report | None,
    rosters: set[int],
    number: Any,
) -> Listing:
    if frozen is None:
        page = Paginator(_live(campaign, kind, schools, rosters), PAGE_SIZE).get_page(number)
        rows = list(page)
    else:
        ids = _kept_ids(kind, schools)
        if ids is None:
            return Listing(False, None, [])
        page = Paginator(ids, PAGE_SIZE).get_page(number)
        rows = _rows_of(list(page), rosters)
    rule = frozen.success_rule if frozen is not None else campaign.success_rule
    return Listing(True, page, [_line(campaign, rule, kind, row, rosters) for row in rows])


def _live(
    campaign: Campaign, kind: str, schools: list[report.SchoolRow], rosters: set[int]
) -> QuerySet[AssistedSubmission]:
    if kind == COUNTED:
        rows = report.successful_submissions(campaign)
    else:
        rows = report.helped_submissions(campaign).filter(campaign.pending_q("dossier__"))
    rows = rows.filter(**{f"{report.HELPED_SCHOOL}__in": [s.school_id for s in schools]})
    return rows.order_by("dossier_id").values(*_fields(rosters))


def _kept_ids(kind: str, schools: list[report.SchoolRow]) -> list[int] | None:
    """The ids the snapshot kept for `schools`; None if it kept none."""
    ids: list[int] = []
    for school in schools:
        kept = school.dossier_ids if kind == COUNTED else school.pending_ids
        if kept is None:
            return None
        ids.extend(kept)
    return sorted(ids)


def _rows_of(ids: list[int], rosters: set[int]) -> list[dict[str, Any]]:
    """One page of kept dossiers, in the order kept: one query."""
    found = AssistedSubmission.objects.filter(dossier_id__in=ids).values(*_fields(rosters))
    by_id = {row["dossier_id"]: row for row in found}
    return [by_id[pk] for pk in ids if pk in by_id]


def _fields(rosters: set[int]) -> tuple[str, ...]:
    return (*_FIELDS, *_ROSTER_FIELDS) if rosters else _FIELDS


def _line(campaign: Campaign, rule: str, kind: str, row: dict[str, Any], rosters: set[int]) -> Line:
    named = row[report.HELPED_SCHOOL] in rosters
    return Line(
        code=row["dossier__code"] or "",
        day=_day(rule, kind, row),
        status=str(Status(row["dossier__status"]).label),
        ward=row["dossier__applicant__citizen__ward__name"] or "",
        helper=row["ambassador__pupil__full_name"]
        if named
        else pseudonym(campaign, row["ambassador__pupil_id"]),
        class_name=row["ambassador__school_class__name"] or "" if named else "",
    )


def _day(rule: str, kind: str, row: dict[str, Any]) -> datetime | None:
    """The date the report's rule dates a success by (Campaign._outcome)."""
    if kind == PENDING:
        return row["dossier__received_at"]
    if rule == SuccessRule.RETURNED:
        return row["dossier__returned_at"]
    return row["dossier__resolved_at"]


def pseudonym(campaign: Campaign, pupil_id: int | None) -> str:
    """ "HS-" and six characters derived from the pupil and the campaign with
    the site's secret: the same pupil reads the same within a campaign,
    and nobody can work back to the pupil or link two campaigns."""
    value = f"{campaign.pk}:{pupil_id}"
    digest = salted_hmac("outreach.report_detail.pupil", value, algorithm="sha256")
    return f"HS-{digest.hexdigest()[:6].upper()}"
