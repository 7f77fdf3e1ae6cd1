"""The campaign's year-end report (DESIGN.md §6): what is counted, who may
see and do what, and the draft → submitted → approved workflow. Pages,
exports and `manage.py outreach_report` all read their numbers from here.

Who is counted
  The campaign's pupils are those of the grade-`target_grade` classes of its
  schools in its school year. Pupils erased on request stay as rows (their
  name overwritten) and are counted like everyone else: the totals are
  anonymous and must not shrink when a family asks for erasure.

Help stays with the class and school of its time (Ambassador.school_class),
so a pupil who later changes school or moves up to grade 9 leaves it
where it was given (transfers.py).

What is counted, per class, per school and for the whole district
  pupils     the campaign's pupils (erased ones included, `erased` says how many)
  trained    present at one or more training sessions of the campaign
  practised  one or more completed practice attempts linked to the campaign
             (directly, or through one of its sessions)
  succeeded  one or more successful assisted dossiers (below)
  dossiers   successful assisted dossiers
  pending    helped dossiers accepted but still in progress at the year's end
  households distinct households (`AssistedSubmission.household_key`) of
             those dossiers; a household helped by pupils of two classes
             counts once for their school and once for the district, so
             households do not add up across rows, the other figures do.

A successful assisted dossier is a real (non-practice) dossier submitted by
one of the campaign's pupil ambassadors, confirmed by its applicant within
the ambassador's period (Campaign.help_q: from the day the role began to
the day the pupil left, inside the school year), that meets the
campaign's success rule:
  "result"    its result was reached (status 9 or 10, `resolved_at`)
              within the campaign's school year (1 August to 1 August).
  "returned"  stricter: the result was handed over (status 10,
              `returned_at`) within the school year.
Withdrawn, stopped and refused dossiers never count. Accepted dossiers
not yet at the rule's outcome at the year's end are counted apart as
`pending` (dossiers), never as successes (DESIGN.md §6, as changed in 2026).

The commendation list holds the pupils meeting the education office's
criteria; erased pupils are left out (there is nobody left to name). Names
and classes are shown only to those who keep the school's rosters.

Freezing: on submission the whole report (numbers and commendation list)
is stored as JSON in `YearEndReport.snapshot`; a submitted or approved
report is always read from it, so later changes to dossiers, attendance or
rosters cannot alter it. The list stores pupil ids, not names: a name is
looked up when shown, so erasure still removes it from a frozen report.
Each school also keeps the ids of the dossiers it counted and left
pending, which the drill-down lists (report_detail.py). On approval the
district's figures are recorded as the snapshot's sha256 and totals;
`manage.py recompute_report` checks both against the dossiers of today
(report_check.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from dichvucong.accounts.constants import Role
from dichvucong.dbrouting import replica_reads
from dichvucong.documents import numbering
from dichvucong.lib import disclosure
from dichvucong.outreach import access
from dichvucong.outreach.access import Scope
from dichvucong.outreach.constants import REPORT_SYMBOL, ReportState, SuccessRule
from dichvucong.outreach.models import (
    AssistedSubmission,
    Attendance,
    Campaign,
    PracticeAttempt,
    Pupil,
    SchoolClass,
    YearEndReport,
)
from dichvucong.outreach.schoolyear import bounds
from dichvucong.reports.formatting import share

# 2: each school also keeps the ids of its counted and pending dossiers
# (the drill-down); a version-1 snapshot reads back with them as None.
SNAPSHOT_VERSION = 2
PUPIL_FIGURES = ("pupils", "erased", "trained", "practised")
DOSSIER_FIGURES = ("succeeded", "dossiers", "households", "pending")
# Rules reports were once frozen under; their words stay readable.
RETIRED_RULES = {"accepted": _lazy("Hồ sơ được cơ quan tiếp nhận (tiêu chí cũ, trước năm 2026)")}


class ReportError(Exception):
    """Not allowed now; the message is for the user."""


# --- The report as data (the same shape live and frozen) -----------------------


@dataclass
class Figures:
    pupils: int = 0
    erased: int = 0
    trained: int = 0
    practised: int = 0
    succeeded: int = 0
    dossiers: int = 0
    households: int = 0
    # Accepted dossiers still in progress at the year's end: shown, never counted.
    pending: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figures:
        return cls(**{f.name: int(data.get(f.name, 0)) for f in dataclasses.fields(cls)})


@dataclass
class ClassRow:
    class_id: int | None  # None: classes merged (lib/disclosure.py)
    name: str
    figures: Figures


@dataclass
class SchoolRow:
    school_id: int
    name: str
    figures: Figures
    classes: list[ClassRow] = field(default_factory=list)
    # The ids its figures counted and left pending, read with the
    # figures (kept in the snapshot on submission); None only in
    # snapshots frozen before they were kept.
    dossier_ids: list[int] | None = None
    pending_ids: list[int] | None = None


@dataclass(frozen=True)
class Criteria:
    """The education office's rule for the commendation list."""

    min_dossiers: int = 1
    min_households: int = 1
    require_trained: bool = True
    quota_per_school: int | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Criteria:
        data = data or {}
        quota = data.get("quota_per_school")
        return cls(
            min_dossiers=max(1, int(data.get("min_dossiers", 1))),
            min_households=max(0, int(data.get("min_households", 1))),
            require_trained=bool(data.get("require_trained", True)),
            quota_per_school=int(quota) if quota not in (None, "") else None,
        )


@dataclass
class Commendation:
    pupil_id: int
    school_id: int
    school: str
    class_name: str
    dossiers: int
    households: int


@dataclass
class Report:
    campaign_id: int
    campaign_title: str
    school_year: str
    success_rule: str
    target_pupils: int | None
    generated_at: datetime
    criteria: Criteria
    schools: list[SchoolRow]
    totals: Figures
    commendations: list[Commendation]

    @property
    def target_share(self) -> float | None:
        """Pupils trained as a share of the campaign's target."""
        return share(self.totals.trained, self.target_pupils or 0)

    @property
    def year_last_day(self) -> date:
        _first, after = bounds(self.school_year)
        return after - timedelta(days=1)

    @property
    def year_open(self) -> bool:
        """The school year had not ended when the figures were made: results
        still to come within it may change them (the page says so)."""
        return timezone.localtime(self.generated_at).date() <= self.year_last_day

    @property
    def success_rule_label(self) -> str:
        if self.success_rule not in SuccessRule.values:
            # A report frozen before 2026 under the rule of its time.
            return str(RETIRED_RULES.get(self.success_rule, self.success_rule))
        return str(SuccessRule(self.success_rule).label)

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["generated_at"] = self.generated_at.isoformat()
        data["version"] = SNAPSHOT_VERSION
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        return cls(
            campaign_id=data["campaign_id"],
            campaign_title=data["campaign_title"],
            school_year=data["school_year"],
            success_rule=data["success_rule"],
            target_pupils=data.get("target_pupils"),
            generated_at=parse_datetime(data["generated_at"]) or timezone.now(),
            criteria=Criteria.from_json(data.get("criteria")),
            schools=[_school_from_json(row) for row in data["schools"]],
            totals=Figures.from_json(data["totals"]),
            commendations=[Commendation(**row) for row in data["commendations"]],
        )


def _school_from_json(data: dict[str, Any]) -> SchoolRow:
    classes = [
        ClassRow(row["class_id"], row["name"], Figures.from_json(row["figures"]))
        for row in data["classes"]
    ]
    figures = Figures.from_json(data["figures"])
    return SchoolRow(
        data["school_id"],
        data["name"],
        figures,
        classes,
        data.get("dossier_ids"),
        data.get("pending_ids"),
    )


# --- Who and what counts ------------------------------------------------------------


def campaign_classes(campaign: Campaign) -> QuerySet[SchoolClass]:
    return SchoolClass.objects.filter(
        school__in=campaign.schools.all(),
        school_year=campaign.school_year,
        grade=campaign.target_grade,
    )


def campaign_pupils(campaign: Campaign) -> QuerySet[Pupil]:
    """Erased pupils included (see the module docstring)."""
    return Pupil.objects.filter(school_class__in=campaign_classes(campaign))


def success_q(campaign: Campaign, prefix: str = "") -> Q:
    """The campaign's own rule (Campaign.success_q), kept in one place."""
    return campaign.success_q(prefix)


def helped_submissions(campaign: Campaign) -> QuerySet[AssistedSubmission]:
    """Real dossiers the campaign's pupils helped with, confirmed by their
    applicants: the rows success and pending are read from. Who helped is
    read from the dossier's own hash-chained "submitted on behalf" event
    (assisted.submit_confirmed), not from this editable table alone: a
    row attached or changed afterwards, without its event naming that
    ambassador, does not count (DESIGN.md §6)."""
    from django.db.models import IntegerField
    from django.db.models.fields.json import KT
    from django.db.models.functions import Cast

    from dichvucong.dossiers.models import Event  # here: this function's own needs

    # The key read as text and cast: PostgreSQL has no jsonb = bigint.
    named = Cast(KT("data__ambassador"), IntegerField())
    on_behalf = Event.objects.annotate(named_ambassador=named).filter(
        dossier_id=OuterRef("dossier_id"),
        data__assisted=True,
        named_ambassador=OuterRef("ambassador_id"),
    )
    return AssistedSubmission.objects.filter(
        Exists(on_behalf),
        campaign.help_q(),
        ambassador__campaign=campaign,
        ambassador__school_class__in=campaign_classes(campaign),
        confirmed_at__isnull=False,
        dossier__is_practice=False,
    )


def successful_submissions(campaign: Campaign) -> QuerySet[AssistedSubmission]:
    return helped_submissions(campaign).filter(success_q(campaign, "dossier__"))


def attended(campaign: Campaign, pupil: Any = None) -> Exists:
    """Present at a session of the campaign; `pupil` defaults to the outer row."""
    return Exists(
        Attendance.objects.filter(
            pupil=pupil if pupil is not None else OuterRef("pk"),
            session__campaign=campaign,
            present=True,
        )
    )


def practised(campaign: Campaign) -> Exists:
    linked = Q(campaign=campaign) | Q(campaign__isnull=True, session__campaign=campaign)
    return Exists(
        PracticeAttempt.objects.filter(linked, pupil=OuterRef("pk"), completed_at__isnull=False)
    )


# --- Counting in the database ----------------------------------------------------------


Counts = dict[Any, dict[str, int]]


def _grouped(queryset: QuerySet[Any], key: str | None, aggregates: dict[str, Any]) -> Counts:
    """{group id: {name: count}}, one query; key None: {None: totals}."""
    if key is None:
        return {None: queryset.aggregate(**aggregates)}
    rows = queryset.values(key).annotate(**aggregates).order_by()
    return {row.pop(key): row for row in rows}


def _pupil_counts(campaign: Campaign) -> Counts:
    """The pupil figures per class, one query; a school's and the
    district's are their classes' sums (each pupil is in one class)."""
    return _grouped(
        campaign_pupils(campaign),
        "school_class",
        {
            "pupils": Count("pk"),
            "erased": Count("pk", filter=Q(erased_at__isnull=False)),
            "trained": Count("pk", filter=Q(attended(campaign))),
            "practised": Count("pk", filter=Q(practised(campaign))),
        },
    )


# The class of the time (Ambassador.school_class, migration 0006), by which
# help is counted: its school is the one a dossier counts for.
HELPED_SCHOOL = "ambassador__school_class__school"


class Helped(NamedTuple):
    """One helped dossier (an AssistedSubmission row) as the figures read
    it (a tuple: thousands are made for each report)."""

    class_id: int  # the class of the time (Ambassador.school_class)
    school_id: int
    pupil_id: int | None
    household: str
    dossier_id: int
    counted: bool  # meets the campaign's success rule
    pending: bool  # accepted, still in progress at the year's end
    named: bool  # the pupil's name is kept (not erased): may be commended
    trained: bool  # the pupil attended a session of the campaign


def _flag(condition: Q) -> Case:
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def helped_rows(campaign: Campaign) -> list[Helped]:
    """Every helped dossier of the campaign with whether it counts or
    waits: one query, read once for the figures of every class, school
    and the district and for the ids the drill-down and wards use."""
    rows = (
        helped_submissions(campaign)
        .annotate(
            is_counted=_flag(success_q(campaign, "dossier__")),
            is_pending=_flag(campaign.pending_q("dossier__")),
            is_named=_flag(Q(ambassador__pupil__erased_at__isnull=True)),
            is_trained=_flag(Q(attended(campaign, OuterRef("ambassador__pupil")))),
        )
        .order_by("dossier_id", "pk")
        .values_list(
            "ambassador__school_class",
            HELPED_SCHOOL,
            "ambassador__pupil",
            "household_key",
            "dossier_id",
            "is_counted",
            "is_pending",
            "is_named",
            "is_trained",
        )
    )
    return [Helped._make(row) for row in rows]


def _figures(pupils: Iterable[dict[str, int]], helped: list[Helped]) -> Figures:
    """A row's figures from its classes' pupil counts and its helped
    dossiers: the same numbers as counting them in the database
    (distinct pupils and households among the counted dossiers)."""
    figures = Figures()
    for counts in pupils:
        for name in PUPIL_FIGURES:
            setattr(figures, name, getattr(figures, name) + counts.get(name, 0))
    counted = [row for row in helped if row.counted]
    figures.succeeded = len({row.pupil_id for row in counted if row.pupil_id is not None})
    figures.dossiers = len(counted)
    figures.households = len({row.household for row in counted})
    figures.pending = sum(1 for row in helped if row.pending)
    return figures


def _by(rows: list[Helped], key: str) -> dict[Any, list[Helped]]:
    grouped: dict[Any, list[Helped]] = {}
    for row in rows:
        grouped.setdefault(getattr(row, key), []).append(row)
    return grouped


def _school_row(
    school: Any, classes: list[SchoolClass], pupils: Counts, own: list[Helped]
) -> SchoolRow:
    """The school's row from its helped dossiers, its classes' rows and
    the ids it counted and left pending (the drill-down and the wards
    read them; none for a class)."""
    by_class = _by(own, "class_id")
    rows = [
        ClassRow(c.pk, c.name, _figures([pupils.get(c.pk, {})], by_class.get(c.pk, [])))
        for c in classes
    ]
    figures = _figures((pupils.get(c.pk, {}) for c in classes), own)
    counted = sorted(row.dossier_id for row in own if row.counted)
    pending = sorted(row.dossier_id for row in own if row.pending)
    return SchoolRow(school.pk, school.name, figures, rows, counted, pending)


def build_report(campaign: Campaign, criteria: Criteria | None = None) -> Report:
    """The live report of the whole campaign: five queries at most (the
    criteria, the pupils per class, the helped dossiers, the classes and
    the schools), whatever the number of pupils and dossiers; the figures
    and the commendation list are summed from those rows, not counted
    again."""
    criteria = criteria or Criteria.from_json(_stored_criteria(campaign))
    pupils = _pupil_counts(campaign)
    helped = helped_rows(campaign)
    classes = list(campaign_classes(campaign).order_by("name", "pk"))
    ordered = list(campaign.schools.order_by("name"))
    by_school = _by(helped, "school_id")
    schools = [
        _school_row(
            school,
            [c for c in classes if c.school_id == school.id],
            pupils,
            by_school.get(school.id, []),
        )
        for school in ordered
    ]
    return Report(
        campaign_id=campaign.pk,
        campaign_title=campaign.title,
        school_year=campaign.school_year,
        success_rule=campaign.success_rule,
        target_pupils=campaign.target_pupils,
        generated_at=timezone.now(),
        criteria=criteria,
        schools=schools,
        totals=_figures(pupils.values(), helped),
        commendations=commendations(helped, criteria, ordered, classes),
    )


def dossier_ids(campaign: Campaign) -> dict[int, tuple[list[int], list[int]]]:
    """{school id: (counted dossier ids, pending dossier ids)} in id order,
    one query. Kept in the snapshot on submission, so the drill-down of
    a frozen report lists exactly the dossiers its figures counted."""
    found: dict[int, tuple[list[int], list[int]]] = {}
    for row in helped_rows(campaign):
        counted, pending = found.setdefault(row.school_id, ([], []))
        if row.counted:
            counted.append(row.dossier_id)
        elif row.pending:
            pending.append(row.dossier_id)
    return found


def commendations(
    helped: list[Helped], criteria: Criteria, schools: list[Any], classes: list[SchoolClass]
) -> list[Commendation]:
    """Pupils meeting the criteria, best first within each school; the
    per-school quota, if any, keeps the first ones. Read from the helped
    rows: a pupil's counted dossiers with the class and school of the
    year helped in (not the pupil's class today). `schools` and `classes`
    come in the database's order of their names, which orders the list
    as the database would."""
    class_names = {c.pk: c.name for c in classes}
    grouped: dict[tuple[int | None, int, str], list[Helped]] = {}
    for row in helped:
        if row.counted and row.named and (row.trained or not criteria.require_trained):
            key = (row.pupil_id, row.school_id, class_names[row.class_id])
            grouped.setdefault(key, []).append(row)
    names = {school.pk: school.name for school in schools}
    found = [
        Commendation(pupil, school, names[school], class_name, len(rows), _households(rows))
        for (pupil, school, class_name), rows in grouped.items()
    ]
    found = [
        c
        for c in found
        if c.dossiers >= criteria.min_dossiers and c.households >= criteria.min_households
    ]
    found.sort(key=_order([s.name for s in schools], [c.name for c in classes]))
    return _within_quota(found, criteria.quota_per_school)


def _households(rows: list[Helped]) -> int:
    return len({row.household for row in rows})


def _order(school_names: list[str], class_names: list[str]) -> Any:
    """By school name, most dossiers, most households, class name, pupil
    (an id none, as a volunteer's, last): names ranked as the database
    sorted them, so the list keeps the database's collation."""
    school_rank = _ranks(school_names)
    class_rank = _ranks(class_names)

    def key(c: Commendation) -> tuple[Any, ...]:
        pupil = (c.pupil_id is None, c.pupil_id or 0)
        return (school_rank[c.school], -c.dossiers, -c.households, class_rank[c.class_name], pupil)

    return key


def _ranks(sorted_names: list[str]) -> dict[str, int]:
    """Each name's place in a sorted list; equal names share the first."""
    ranks: dict[str, int] = {}
    for place, name in enumerate(sorted_names):
        ranks.setdefault(name, place)
    return ranks


def _within_quota(found: list[Commendation], quota: int | None) -> list[Commendation]:
    listed: list[Commendation] = []
    per_school: dict[int, int] = {}
    for item in found:
        taken = per_school.get(item.school_id, 0)
        if quota is None or taken < quota:
            per_school[item.school_id] = taken + 1
            listed.append(item)
    return listed


# --- Who may see and do what ------------------------------------------------------------


def may_view(user: Any, campaign: Campaign) -> bool:
    return access.campaigns_for(user).filter(pk=campaign.pk).exists()


def may_manage(user: Any, campaign: Campaign) -> bool:
    """Set the criteria and submit: the education office leading the campaign."""
    return access.managed_campaigns_for(user).filter(pk=campaign.pk).exists()


def may_approve(user: Any, campaign: Campaign) -> bool:
    """Approve or send back: district leadership whose district the campaign is in."""
    scope = access.scope_for(user)
    return Role.DISTRICT_LEADERSHIP in scope.roles and campaign.pk in scope.campaign_ids


# --- The workflow ------------------------------------------------------------------------


def report_row(campaign: Campaign) -> YearEndReport:
    row, _created = YearEndReport.objects.get_or_create(campaign=campaign)
    return row


def _stored_criteria(campaign: Campaign) -> dict[str, Any]:
    row = YearEndReport.objects.filter(campaign=campaign).values_list("criteria", flat=True)
    return row.first() or {}


def _locked(campaign: Campaign, *states: str) -> YearEndReport:
    report_row(campaign)
    row = YearEndReport.objects.select_for_update().get(campaign=campaign)
    if row.state not in states:
        raise ReportError(
            _("Không thực hiện được: báo cáo đang ở trạng thái “%(state)s”.")
            % {"state": row.get_state_display()}
        )
    return row


def _move(row: YearEndReport, old: str, **changes: Any) -> None:
    """Conditional on the state read, so two clicks cannot both win."""
    changes["updated_at"] = timezone.now()
    if YearEndReport.objects.filter(pk=row.pk, state=old).update(**changes) != 1:
        raise ReportError(_("Báo cáo vừa được người khác cập nhật, vui lòng tải lại trang."))


@transaction.atomic
def save_criteria(campaign: Campaign, criteria: Criteria) -> None:
    row = _locked(campaign, ReportState.DRAFT)
    _move(row, ReportState.DRAFT, criteria=dataclasses.asdict(criteria))


@transaction.atomic
def submit(campaign: Campaign, by: Any) -> None:
    """Draft → submitted: the report is frozen now, as it stands."""
    row = _locked(campaign, ReportState.DRAFT)
    frozen = build_report(campaign, Criteria.from_json(row.criteria))
    _move(
        row,
        ReportState.DRAFT,
        state=ReportState.SUBMITTED,
        snapshot=frozen.to_json(),
        submitted_by=by,
        submitted_at=frozen.generated_at,
        approved_by=None,
        approved_at=None,
        approved_digest="",
        approved_totals={},
    )
    # The report is an official document from now on: it takes its number
    # in the office's register (kept if it is sent back and sent again).
    numbering.issue(
        campaign.lead_agency_id,
        REPORT_SYMBOL,
        timezone.localdate(frozen.generated_at).year,
        report_reference(row),
    )


def report_reference(row: YearEndReport) -> str:
    """How the register names the report; `numbering.number_of` reads it."""
    return f"outreach.year-end-report:{row.pk}"


@transaction.atomic
def approve(campaign: Campaign, by: Any) -> None:
    """Submitted → approved; the frozen snapshot stays as submitted, and
    the approval records which figures it approved (digest and totals)."""
    row = _locked(campaign, ReportState.SUBMITTED)
    _move(
        row,
        ReportState.SUBMITTED,
        state=ReportState.APPROVED,
        approved_by=by,
        approved_at=timezone.now(),
        approved_digest=snapshot_digest(row.snapshot),
        approved_totals=row.snapshot.get("totals", {}),
    )


def snapshot_digest(snapshot: dict[str, Any]) -> str:
    """sha256 of the snapshot's canonical JSON (sorted keys, no spaces,
    UTF-8): the same whatever the database's key order."""
    text = json.dumps(snapshot, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def approval_holds(row: YearEndReport) -> bool | None:
    """Whether the snapshot is still the one approved; None when there is
    no digest to check (not approved, or approved before digests)."""
    if not row.approved_digest:
        return None
    return hmac.compare_digest(snapshot_digest(row.snapshot), row.approved_digest)


@transaction.atomic
def send_back(campaign: Campaign, by: Any, reason: str) -> None:
    """Submitted → draft with the leadership's reason. The model has no
    field for it, so the draft's snapshot holds the note (a draft's numbers
    are always live, never read from the snapshot)."""
    reason = (reason or "").strip()
    if not reason:
        raise ReportError(_("Vui lòng ghi rõ lý do trả lại."))
    row = _locked(campaign, ReportState.SUBMITTED)
    note = {"reason": reason[:1000], "by": by.get_full_name(), "at": timezone.now().isoformat()}
    _move(
        row,
        ReportState.SUBMITTED,
        state=ReportState.DRAFT,
        snapshot={"sent_back": note},
        submitted_by=None,
        submitted_at=None,
    )


def sent_back_note(row: YearEndReport) -> dict[str, Any] | None:
    note = (row.snapshot or {}).get("sent_back") if row.state == ReportState.DRAFT else None
    if not note:
        return None
    return {**note, "at": parse_datetime(note.get("at", ""))}


def current_report(campaign: Campaign) -> tuple[YearEndReport, Report]:
    """The frozen report once submitted, the live one while a draft.
    Reading writes nothing: a campaign without a report row yet gets an
    unsaved draft (the row is made when criteria are saved or it moves).
    The row comes from the primary, the live figures from the replica when
    there is one (dbrouting.py); `submit` freezes them from the primary."""
    row = YearEndReport.objects.filter(campaign=campaign).first() or YearEndReport(
        campaign=campaign
    )
    if row.state != ReportState.DRAFT and row.snapshot.get("version"):
        return row, Report.from_json(row.snapshot)
    with replica_reads():
        return row, build_report(campaign, Criteria.from_json(row.criteria))


# --- What one person is shown ---------------------------------------------------------------


@dataclass(frozen=True)
class ListedPupil:
    number: int
    school: str
    class_name: str  # "" when hidden
    name: str  # "" when hidden
    dossiers: int
    households: int


@dataclass(frozen=True)
class Presentation:
    """The report cut to what one reader may see."""

    report: Report
    row: YearEndReport
    whole: bool  # every school: district totals and the target share apply
    names: dict[int, str] | None  # None: names and classes hidden
    # Some class figures were merged by the small-cells rule: say so.
    classes_merged: bool = False

    @property
    def totals(self) -> Figures:
        if self.whole:
            return self.report.totals
        return _summed(row.figures for row in self.report.schools)

    @property
    def frozen(self) -> bool:
        return self.row.state != ReportState.DRAFT

    def listed(self) -> list[ListedPupil]:
        lines = []
        for number, item in enumerate(self.report.commendations, start=1):
            name = (self.names or {}).get(item.pupil_id)
            shown_class = item.class_name if name is not None else ""
            lines.append(
                ListedPupil(
                    number, item.school, shown_class, name or "", item.dossiers, item.households
                )
            )
        return lines


def _summed(rows: Iterable[Figures]) -> Figures:
    """Totals of a part of the district: households are summed per school
    (a household helped from two of the schools shown counts twice)."""
    total = Figures()
    for figures in rows:
        for name in (*PUPIL_FIGURES, *DOSSIER_FIGURES):
            setattr(total, name, getattr(total, name) + getattr(figures, name))
    return total


def present(campaign: Campaign, scope: Scope, *, with_names: bool) -> Presentation:
    """The current report cut to `scope`'s schools; names only for the
    schools whose rosters the reader keeps, and only if `with_names`.
    Class figures in full for those schools too (the school and the
    education office); anyone else, as district leadership, gets them
    under the small-cells rule."""
    row, report = current_report(campaign)
    visible, keeps = set(scope.readable_school_ids), set(scope.writable_school_ids)
    return cut(row, report, visible, _names(report, keeps, with_names), full_classes=keeps)


def cut(
    row: YearEndReport,
    report: Report,
    school_ids: set[int],
    names: dict[int, str] | None,
    *,
    full_classes: set[int] | None = None,
) -> Presentation:
    """`full_classes`: the schools whose class figures are shown in full
    (None: every school); the others' classes pass lib/disclosure.py."""
    every = {school.school_id for school in report.schools}
    chosen = [school for school in report.schools if school.school_id in school_ids]
    schools = [
        school if full_classes is None or school.school_id in full_classes else disclosed(school)
        for school in chosen
    ]
    part = dataclasses.replace(
        report,
        schools=schools,
        commendations=[c for c in report.commendations if c.school_id in school_ids],
    )
    merged = any(shown is not school for shown, school in zip(schools, chosen, strict=True))
    return Presentation(part, row, every <= school_ids, names, classes_merged=merged)


def _people(row: ClassRow) -> tuple[int, ...]:
    """The columns of a class that count persons (dossiers do not)."""
    f = row.figures
    return (f.pupils, f.erased, f.trained, f.practised, f.succeeded, f.households)


def disclosed(school: SchoolRow) -> SchoolRow:
    """The school's classes under the small-cells rule: small classes in
    one "other classes" row, or, when all would be, none (the school's
    own row is their total). The same school object when nothing moves."""
    split = disclosure.merge_small(school.classes, _people)
    if not split.suppressed:
        return school
    classes = list(split.kept)
    if not split.everything:
        figures = _summed(c.figures for c in split.merged)
        classes.append(ClassRow(None, _("Các lớp khác (gộp)"), figures))
    return dataclasses.replace(school, classes=classes)


def _names(report: Report, school_ids: Iterable[int], with_names: bool) -> dict[int, str] | None:
    """Names of the listed pupils of `school_ids`, the schools whose rosters
    the reader keeps. None (names and classes hidden, their columns too)
    when names are not asked for or the reader keeps no roster, as
    district leadership: an empty dict would show empty name columns."""
    allowed = set(school_ids)
    if not with_names or not allowed:
        return None
    ids = [c.pupil_id for c in report.commendations if c.school_id in allowed]
    return dict(Pupil.objects.filter(pk__in=ids).values_list("pk", "full_name"))


def present_all(campaign: Campaign, *, with_names: bool, full_classes: bool = True) -> Presentation:
    """The whole report, for the operator's command and the official
    documents; with `full_classes=False` (the API) classes pass the
    small-cells rule."""
    row, report = current_report(campaign)
    every = {school.school_id for school in report.schools}
    names = _names(report, every, with_names)
    return cut(row, report, every, names, full_classes=None if full_classes else set())
