"""The counting rules of every report, written once.

Each figure is counted by the database (COUNT with a FILTER clause, grouped
by the wanted dimensions), never by looping over dossiers in Python: a table
costs four queries, and `tables` gives all six of the public page in eight,
however many dossiers there are. Local days and months are computed by the
database too (reports.dbfunctions).

What counts, for a period (local dates, both ends included):

- received: real dossiers (not drafts, not practice) whose `submitted_at`
  falls in the period. All of them came through the portal: the system has
  no record of dossiers lodged on paper at the counter (see ONLINE_CHANNEL_RECORDED).
- level 4: received dossiers of procedures offered at online level 4;
  level 3-4 likewise for levels 3 and 4.
- paid / paid online: received dossiers whose fee was paid (`fee_paid_at`),
  and among them those with a paid Payment through an online gateway.
- resolved: `resolved_at` in the period, split early / on time / late by
  the local date of `resolved_at` against the statutory `due_date`, the
  rule of dossiers.deadlines (an apology's new date does not make a late
  dossier on time).
- in progress at a date D (the period's end, or today if sooner): received
  on or before D and neither resolved nor closed by then; overdue if the
  current due date (the apology's new date if any) is before D; paused if
  it is waiting for a supplement asked for by D (clock stopped). The dates on the
  dossier are what we have: a dossier whose clock restarted after D after a
  supplement is missing from snapshots before the restart.
- ratings / satisfied: ratings given in the period, and those "rất hài
  lòng" or "hài lòng".
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.db.models import (
    Count,
    Exists,
    F,
    Model,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier, ResultDocument
from dichvucong.lib.text import fold
from dichvucong.reports.dbfunctions import LocalTrunc, fixed_offset
from dichvucong.reports.formatting import format_date, share

# No field tells a dossier lodged at the counter from one sent through the
# portal: every dossier in the system was submitted online. The pages say so.
ONLINE_CHANNEL_RECORDED = False

# Rất hài lòng (3) and hài lòng (2) of feedback.constants.RatingLevel.
SATISFIED_LEVELS = (3, 2)

ENTITY_DIMENSIONS: dict[str, tuple[str, str, str | None]] = {
    # dimension: (key field, name field, code field), from the dossier
    "agency": ("agency_id", "agency__name", "agency__unit_code"),
    "ward": ("agency__admin_unit_id", "agency__admin_unit__name", "agency__admin_unit__code"),
    "procedure": ("procedure_id", "procedure__name", "procedure__code"),
    "field": ("procedure__field_id", "procedure__field__name", None),
    # The residential group the dossier was submitted from: only to map a
    # dossier to today's units (reports.unitmap), never a table of its own.
    "group": ("residential_group_id", "residential_group__name", None),
}
TIME_DIMENSIONS = ("month", "year")
# The grouping the entity tables are summed up from. The ward, a column of
# the joined agency, comes first on purpose: grouping first by a dossier
# column made SQLite walk that column's index, row by row in random order,
# where a plain scan of the table is several times faster.
FINE_GRAIN = ("ward", "agency", "field", "procedure")
# The tables a report can show ("group" only maps dossiers to today's units).
DIMENSIONS = (*(dim for dim in ENTITY_DIMENSIONS if dim != "group"), *TIME_DIMENSIONS)


@dataclass(frozen=True)
class Period:
    """Local dates, both ends included."""

    start: date
    end: date

    def bounds(self) -> tuple[datetime, datetime]:
        """Aware datetimes: local midnight of the start, and of the day
        after the end (excluded)."""
        return _midnight(self.start), _midnight(self.end + timedelta(days=1))

    def as_of(self, today: date) -> date:
        return min(self.end, today)

    @property
    def label(self) -> str:
        return f"{format_date(self.start)} – {format_date(self.end)}"

    @property
    def slug(self) -> str:
        return f"{self.start:%d-%m-%Y}_{self.end:%d-%m-%Y}"


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass
class Figures:
    """The counts of one group; the shares are derived, never stored."""

    received: int = 0
    level4: int = 0
    level34: int = 0
    paid: int = 0
    paid_online: int = 0
    resolved: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    digitised: int = 0
    not_due: int = 0
    overdue: int = 0
    paused: int = 0
    ratings: int = 0
    satisfied: int = 0

    def add(self, other: Figures) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    @property
    def online(self) -> int:
        """Received through the portal: all of them (ONLINE_CHANNEL_RECORDED)."""
        return self.received

    @property
    def judged(self) -> int:
        """Resolved dossiers that had a due date to be judged against."""
        return self.early + self.on_time + self.late

    @property
    def in_progress(self) -> int:
        return self.not_due + self.overdue + self.paused

    @property
    def on_time_share(self) -> float | None:
        return share(self.early + self.on_time, self.judged)

    @property
    def late_share(self) -> float | None:
        return share(self.late, self.judged)

    @property
    def online_share(self) -> float | None:
        return share(self.online, self.received)

    @property
    def level4_share(self) -> float | None:
        return share(self.level4, self.received)

    @property
    def online_payment_share(self) -> float | None:
        if not payments_recorded():
            return None
        return share(self.paid_online, self.paid)

    @property
    def satisfaction_share(self) -> float | None:
        return share(self.satisfied, self.ratings)


@dataclass
class Row:
    """One group: its key (ids or dates, one per dimension), what to show
    for each dimension, the public codes, and its figures."""

    key: tuple[Any, ...]
    names: dict[str, str]
    codes: dict[str, str] = field(default_factory=dict)
    buckets: dict[str, date] = field(default_factory=dict)
    figures: Figures = field(default_factory=Figures)

    @property
    def label(self) -> str:
        return " – ".join(self.names.values())


# --- The sets being counted ---------------------------------------------------


def real_dossiers(dossiers: QuerySet[Dossier] | None = None) -> QuerySet[Dossier]:
    """Drafts are not dossiers and practice never counts, whoever asks."""
    queryset = Dossier.objects.all() if dossiers is None else dossiers
    return queryset.filter(is_practice=False).exclude(status=Status.DRAFT)


def _within(column: str, period: Period) -> Q:
    start, end = period.bounds()
    return Q(**{f"{column}__gte": start, f"{column}__lt": end})


def received_q(period: Period) -> Q:
    """Submitted in the period. Status >= 1 goes without saying: drafts have
    no submission date and real_dossiers drops them anyway (a status test
    here only made SQLite walk the status index instead of the table)."""
    return _within("submitted_at", period)


def resolved_q(period: Period) -> Q:
    return _within("resolved_at", period)


# When the office was done with a dossier: its result, or else its closing
# (refused, withdrawn, stopped). A returned dossier was resolved first.
FINISHED_AT = Coalesce("resolved_at", "closed_at")
CURRENT_DUE = Coalesce("extended_due_date", "due_date")


def with_dates(dossiers: QuerySet[Dossier]) -> QuerySet[Dossier]:
    """Adds the `finished_at` and `current_due` aliases open_at_q needs."""
    return dossiers.alias(finished_at=FINISHED_AT, current_due=CURRENT_DUE)


def open_at_q(day: date) -> Q:
    """Received by the end of `day` and not finished by then (with_dates)."""
    end = _midnight(day + timedelta(days=1))
    return Q(received_at__lt=end) & (Q(finished_at__isnull=True) | Q(finished_at__gte=end))


def paused_at_q(day: date) -> Q:
    end = _midnight(day + timedelta(days=1))
    return Q(status=Status.SUPPLEMENT, supplement_requested_at__lt=end)


def overdue_dossiers(dossiers: QuerySet[Dossier], today: date) -> QuerySet[Dossier]:
    """Open, clock running, past the current due date: the overdue list."""
    return (
        real_dossiers(dossiers)
        .annotate(finished_at=FINISHED_AT, current_due=CURRENT_DUE)
        .filter(open_at_q(today), current_due__lt=today)
        .exclude(paused_at_q(today))
        .order_by("current_due", "received_at", "pk")
    )


def _offset(period: Period) -> Any:
    return fixed_offset(period.start, period.end)


def payments_recorded() -> bool:
    return apps.is_installed("dichvucong.payments")


def ratings_recorded() -> bool:
    return apps.is_installed("dichvucong.feedback")


def _paid_online() -> Q:
    """A paid Payment through an online gateway; nothing without the app."""
    if not payments_recorded():
        return Q(pk__in=[])
    try:
        from dichvucong.payments.constants import ONLINE_GATEWAYS, PaymentStatus
        from dichvucong.payments.models import Payment
    except ImportError:  # the app is installed but not finished yet
        return Q(pk__in=[])
    paid = Payment.objects.filter(
        dossier=OuterRef("pk"), status=PaymentStatus.PAID, gateway__in=ONLINE_GATEWAYS
    )
    return Q(Exists(paid))


def _rating_model() -> type[Model] | None:
    if not ratings_recorded():
        return None
    try:
        from dichvucong.feedback.models import Rating
    except ImportError:
        return None
    return Rating


# --- Grouping -------------------------------------------------------------------


def _group_values(
    dims: tuple[str, ...], time_column: str, period: Period, prefix: str = ""
) -> dict[str, Any]:
    """The GROUP BY expressions, aliased "g_<dim>" (plain names would clash
    with model fields), with each entity's name and code alongside. The
    prefix leads from the counted model to the dossier; the time column is
    the counted model's own date (submission, resolution, rating)."""
    values: dict[str, Any] = {}
    for dim in dims:
        if dim in TIME_DIMENSIONS:
            values[f"g_{dim}"] = LocalTrunc(dim, time_column, _offset(period))
            continue
        key, name, code = ENTITY_DIMENSIONS[dim]
        values[f"g_{dim}"] = F(prefix + key)
        values[f"g_{dim}_name"] = F(prefix + name)
        if code:
            values[f"g_{dim}_code"] = F(prefix + code)
    return values


def _row_for(rows: dict[tuple[Any, ...], Row], dims: tuple[str, ...], record: dict) -> Row:
    key = tuple(record[f"g_{dim}"] for dim in dims)
    row = rows.get(key)
    if row is None:
        row = Row(key=key, names={}, codes={})
        for dim in dims:
            value = record[f"g_{dim}"]
            if dim in TIME_DIMENSIONS:
                row.buckets[dim] = value
                row.names[dim] = f"{value:%m/%Y}" if dim == "month" else f"{value:%Y}"
            else:
                row.names[dim] = _entity_name(dim, record)
                row.codes[dim] = record.get(f"g_{dim}_code") or ""
        rows[key] = row
    return row


def _entity_name(dim: str, record: dict) -> str:
    name = record[f"g_{dim}_name"] or ""
    if dim == "procedure":
        return f"{record['g_procedure_code']} – {name}"
    return name


def _merge(rows: dict, dims: tuple[str, ...], records: Any, names: tuple[str, ...]) -> None:
    for record in records:
        figures = _row_for(rows, dims, record).figures
        for name in names:
            setattr(figures, name, getattr(figures, name) + record[name])


# --- The four counting queries ---------------------------------------------------

RECEIVED_COUNTS = ("received", "level4", "level34", "paid", "paid_online")
RESOLVED_COUNTS = ("resolved", "early", "on_time", "late", "digitised")
SNAPSHOT_COUNTS = ("not_due", "overdue", "paused")
RATING_COUNTS = ("ratings", "satisfied")


def _received(dossiers: QuerySet[Dossier], period: Period, dims: tuple[str, ...]) -> Any:
    paid = Q(fee_paid_at__isnull=False)
    counts = {
        "received": Count("pk"),
        "level4": Count("pk", filter=Q(procedure__online_level=OnlineLevel.FULL)),
        "level34": Count("pk", filter=Q(procedure__online_level__gte=OnlineLevel.PARTIAL)),
        "paid": Count("pk", filter=paid),
        "paid_online": Count("pk", filter=paid & _paid_online()),
    }
    values = _group_values(dims, "submitted_at", period)
    return _grouped(dossiers.filter(received_q(period)), values, counts)


def _resolved(dossiers: QuerySet[Dossier], period: Period, dims: tuple[str, ...]) -> Any:
    # The local day the result was ready.
    done = LocalTrunc("day", "resolved_at", _offset(period))
    electronic = Q(Exists(ResultDocument.objects.filter(dossier=OuterRef("pk")))) & Q(
        Exists(Attachment.objects.filter(dossier=OuterRef("pk")))
    )
    counts = {
        "resolved": Count("pk"),
        "early": Count("pk", filter=Q(due_date__gt=done)),
        "on_time": Count("pk", filter=Q(due_date=done)),
        "late": Count("pk", filter=Q(due_date__lt=done)),
        "digitised": Count("pk", filter=electronic),
    }
    values = _group_values(dims, "resolved_at", period)
    return _grouped(dossiers.filter(resolved_q(period)), values, counts)


def _ratings(dossiers: QuerySet[Dossier], period: Period, dims: tuple[str, ...]) -> Any:
    rating = _rating_model()
    if rating is None:
        return []
    start, end = period.bounds()
    ratings = rating.objects.filter(
        dossier__in=dossiers.values("pk"), created_at__gte=start, created_at__lt=end
    )
    counts = {
        "ratings": Count("pk"),
        "satisfied": Count("pk", filter=Q(level__in=SATISFIED_LEVELS)),
    }
    return _grouped(ratings, _group_values(dims, "created_at", period, "dossier__"), counts)


def _grouped(queryset: QuerySet[Any], values: dict[str, Any], counts: dict[str, Any]) -> Any:
    """One row of counts per group; one row in all with no grouping (a bare
    values() would group by every column, one row per dossier)."""
    if not values:
        return [queryset.aggregate(**counts)]
    return queryset.values(**values).annotate(**counts).order_by()


def snapshot_days(period: Period, dims: tuple[str, ...], today: date) -> list[tuple[Any, date]]:
    """(bucket, day) pairs: with no time dimension one snapshot at the
    period's end or today; by month or year, one at the end of each month
    or year of the period that has begun (or today, or the period's end)."""
    time_dims = [dim for dim in dims if dim in TIME_DIMENSIONS]
    last = period.as_of(today)
    if not time_dims:
        return [(None, last)] if period.start <= last else []
    days: list[tuple[Any, date]] = []
    bucket = _bucket_start(period.start, time_dims[0])
    while bucket <= last:
        following = next_bucket(bucket, time_dims[0])
        days.append((bucket, min(following - timedelta(days=1), last)))
        bucket = following
    return days


def _bucket_start(day: date, dim: str) -> date:
    return day.replace(day=1) if dim == "month" else day.replace(month=1, day=1)


def next_bucket(bucket: date, dim: str) -> date:
    if dim == "year":
        return bucket.replace(year=bucket.year + 1)
    days_in_month = calendar.monthrange(bucket.year, bucket.month)[1]
    return bucket + timedelta(days=days_in_month)


def _snapshot_counts(day: date, index: int) -> dict[str, Count]:
    is_open = open_at_q(day)
    paused = paused_at_q(day)
    overdue = Q(current_due__lt=day)
    running = is_open & ~paused
    return {
        f"not_due_{index}": Count("pk", filter=running & ~overdue),
        f"overdue_{index}": Count("pk", filter=running & overdue),
        f"paused_{index}": Count("pk", filter=is_open & paused),
    }


def _snapshot(
    dossiers: QuerySet[Dossier], period: Period, dims: tuple[str, ...], today: date
) -> list[dict[str, Any]]:
    """One query whatever the number of snapshots: one trio of filtered
    counts per snapshot day, grouped by the entity dimensions only."""
    days = snapshot_days(period, dims, today)
    if not days:
        return []
    counts: dict[str, Count] = {}
    for index, (_bucket, day) in enumerate(days):
        counts.update(_snapshot_counts(day, index))
    entity_dims = tuple(dim for dim in dims if dim in ENTITY_DIMENSIONS)
    # Only dossiers that can be open on one of the days: fewer rows to test.
    first_end, last_end = (_midnight(days[i][1] + timedelta(days=1)) for i in (0, -1))
    opened = with_dates(dossiers).filter(
        Q(received_at__lt=last_end), Q(finished_at__isnull=True) | Q(finished_at__gte=first_end)
    )
    grouped = _grouped(opened, _group_values(entity_dims, "", period), counts)
    time_dim = next((dim for dim in dims if dim in TIME_DIMENSIONS), None)
    return [
        record
        for group in grouped
        for index, (bucket, _day) in enumerate(days)
        if (record := _snapshot_record(group, index, time_dim, bucket))
    ]


def _snapshot_record(group: dict, index: int, time_dim: str | None, bucket: Any) -> dict | None:
    record = {name: group[f"{name}_{index}"] for name in SNAPSHOT_COUNTS}
    if not any(record.values()):
        return None  # no row for a group with nothing open that day
    record.update({key: value for key, value in group.items() if key.startswith("g_")})
    if time_dim:
        record[f"g_{time_dim}"] = bucket
    return record


# --- What the pages call --------------------------------------------------------


def table(
    dossiers: QuerySet[Dossier] | None,
    period: Period,
    dims: tuple[str, ...] = (),
    today: date | None = None,
) -> list[Row]:
    """The figures of `dossiers` (real ones only) for `period`, one row per
    combination of `dims` that has anything to show. Four queries."""
    if len([dim for dim in dims if dim in TIME_DIMENSIONS]) > 1:
        raise ValueError("at most one time dimension")
    today = today or timezone.localdate()
    base = real_dossiers(dossiers)
    rows: dict[tuple[Any, ...], Row] = {}
    _merge(rows, dims, _received(base, period, dims), RECEIVED_COUNTS)
    _merge(rows, dims, _resolved(base, period, dims), RESOLVED_COUNTS)
    _merge(rows, dims, _snapshot(base, period, dims, today), SNAPSHOT_COUNTS)
    _merge(rows, dims, _ratings(base, period, dims), RATING_COUNTS)
    shown = [row for row in rows.values() if row.figures != Figures()]
    return sorted(shown, key=lambda row: _sort_key(row, dims))


def _sort_key(row: Row, dims: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(
        row.buckets[dim].isoformat() if dim in TIME_DIMENSIONS else fold(row.names[dim])
        for dim in dims
    )


def total(rows: list[Row]) -> Figures:
    """The sum of rows that split the dossiers without overlap: by agency,
    ward, procedure or field. Not by month or year: a dossier open for two
    months is in both months' snapshots."""
    figures = Figures()
    for row in rows:
        figures.add(row.figures)
    return figures


# --- Several tables at once -------------------------------------------------------


def tables(
    dossiers: Any,
    period: Period,
    dims: tuple[str, ...],
    today: date | None = None,
    count: Callable[..., list[Row]] | None = None,
) -> dict[str, list[Row]]:
    """One table per dimension in `dims`, the same as `count` (`table`, or
    the kept counts' reading.table with a Selection for `dossiers`) gives,
    with two calls however many tables: the entity tables are summed up from
    one grouping by agency × procedure (ward follows from the agency, field
    from the procedure), the year table from the month table. The loops
    below run over those groups, a few hundred at most, never over dossiers."""
    today = today or timezone.localdate()
    count = count or table
    result: dict[str, list[Row]] = {}
    entity_dims = tuple(dim for dim in dims if dim in ENTITY_DIMENSIONS)
    if entity_dims:
        fine = count(dossiers, period, FINE_GRAIN, today)
        for dim in entity_dims:
            result[dim] = _roll_up(fine, dim)
    if "month" in dims or "year" in dims:
        months = count(dossiers, period, ("month",), today)
        result["month"] = months
        result["year"] = _years(months, period, today)
    return {dim: result[dim] for dim in dims}


def _roll_up(fine: list[Row], dim: str) -> list[Row]:
    rows: dict[Any, Row] = {}
    for row in fine:
        key = row.key[FINE_GRAIN.index(dim)]
        if key not in rows:
            rows[key] = Row(
                key=(key,), names={dim: row.names[dim]}, codes={dim: row.codes.get(dim, "")}
            )
        rows[key].figures.add(row.figures)
    return sorted(rows.values(), key=lambda row: _sort_key(row, (dim,)))


def _years(months: list[Row], period: Period, today: date) -> list[Row]:
    """Counts over the year are the sums of its months; what was in
    progress at the year's end (or today) is what was at the end of its
    last month in the period: the same day."""
    last_month = {bucket.year: bucket for bucket, _day in snapshot_days(period, ("month",), today)}
    years: dict[date, Row] = {}
    for row in months:
        bucket = row.buckets["month"]
        year = bucket.replace(month=1)
        if year not in years:
            years[year] = Row(key=(year,), names={"year": f"{year:%Y}"}, buckets={"year": year})
        flows = replace(row.figures, **dict.fromkeys(SNAPSHOT_COUNTS, 0))
        years[year].figures.add(flows if last_month.get(bucket.year) != bucket else row.figures)
    shown = [row for row in years.values() if row.figures != Figures()]
    return sorted(shown, key=lambda row: row.key)
