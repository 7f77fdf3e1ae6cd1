"""The report tables read from the kept counts: the same rows as
statistics.table, at a cost that depends on the months and the agencies
and procedures, not on the number of dossiers.

A period's flows are its whole months (MonthTally), its partial months
(DayTally) and the entries not yet moved (TallyEntry). What is in progress
at the end of a day D is the sum of every change up to D: the months
before D's month, the days of D's month up to D (or the whole month when
D is its last day), and the waiting entries up to D. Level 4 and level 3-4
follow the procedure's level today, the ward the agency's unit, as the
direct count does."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import F, Model, Q, QuerySet, Sum, Value
from django.db.models.functions import TruncMonth, TruncYear
from django.utils import timezone

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.reports import statistics
from dichvucong.reports.models import DayTally, MonthTally, TallyEntry
from dichvucong.reports.statistics import (
    ENTITY_DIMENSIONS,
    RATING_COUNTS,
    RECEIVED_COUNTS,
    RESOLVED_COUNTS,
    SNAPSHOT_COUNTS,
    TIME_DIMENSIONS,
    Figures,
    Period,
    Row,
)

FLOW_COUNTS = (*RECEIVED_COUNTS, *RESOLVED_COUNTS, *RATING_COUNTS)


@dataclass(frozen=True)
class Selection:
    """Which dossiers: those of the scope's agencies (None: all), of one
    agency, of one ward's agencies, but those of `excluded_ids`."""

    agency_ids: frozenset[int] | None = None
    agency_id: int | None = None
    unit_id: int | None = None
    # Agencies left out (counted apart from their dossiers: reports.today).
    excluded_ids: frozenset[int] = frozenset()

    def q(self) -> Q:
        condition = ~Q(agency_id__in=self.excluded_ids) if self.excluded_ids else Q()
        if self.agency_ids is not None:
            condition &= Q(agency_id__in=self.agency_ids)
        if self.agency_id is not None:
            condition &= Q(agency_id=self.agency_id)
        if self.unit_id is not None:
            condition &= Q(agency__admin_unit_id=self.unit_id)
        return condition


def table(
    selection: Selection,
    period: Period,
    dims: tuple[str, ...] = (),
    today: date | None = None,
) -> list[Row]:
    """statistics.table's rows for the dossiers of `selection`."""
    if len([dim for dim in dims if dim in TIME_DIMENSIONS]) > 1:
        raise ValueError("at most one time dimension")
    today = today or timezone.localdate()
    rows: dict[tuple[Any, ...], Row] = {}
    flows = [
        _flows(model, selection.q() & where, dims, time_column)
        for model, where, time_column in _flow_parts(period)
    ]
    statistics._merge(rows, dims, _union(flows), FLOW_COUNTS)
    statistics._merge(rows, dims, _snapshots(selection, period, dims, today), SNAPSHOT_COUNTS)
    shown = [row for row in rows.values() if row.figures != Figures()]
    return sorted(shown, key=lambda row: statistics._sort_key(row, dims))


# --- Flows ----------------------------------------------------------------------------


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _flow_parts(period: Period) -> list[tuple[type[Model], Q, str]]:
    """(model, condition, date column) whose rows make up the period."""
    start, end = period.start, period.end
    first = start if start.day == 1 else _month_end(start) + timedelta(days=1)
    last = end.replace(day=1) if end == _month_end(end) else end.replace(day=1) - timedelta(days=1)
    last = last.replace(day=1)
    parts: list[tuple[type[Model], Q, str]] = [(TallyEntry, Q(day__gte=start, day__lte=end), "day")]
    if first > last:  # no whole month
        return [*parts, (DayTally, Q(day__gte=start, day__lte=end), "day")]
    parts.append((MonthTally, Q(month__gte=first, month__lte=last), "month"))
    if start < first:
        parts.append((DayTally, Q(day__gte=start, day__lt=first), "day"))
    after = _month_end(last) + timedelta(days=1)
    if after <= end:
        parts.append((DayTally, Q(day__gte=after, day__lte=end), "day"))
    return parts


def _flows(model: type[Model], where: Q, dims: tuple[str, ...], time_column: str) -> Any:
    counts = {
        "level4": Sum("received", filter=Q(procedure__online_level=OnlineLevel.FULL), default=0),
        "level34": Sum(
            "received", filter=Q(procedure__online_level__gte=OnlineLevel.PARTIAL), default=0
        ),
    }
    for name in FLOW_COUNTS:
        counts.setdefault(name, Sum(name, default=0))
    return _grouped(model.objects.filter(where), _values(dims, time_column), counts)


def _grouped(queryset: QuerySet[Any], values: dict[str, Any], counts: dict[str, Any]) -> Any:
    """One row of sums per group. With no grouping, one row in all: a
    constant takes no part in GROUP BY, so this is a plain aggregate, and
    still a queryset that can join a UNION."""
    return queryset.values(**(values or {"g_all": Value(0)})).annotate(**counts).order_by()


def _union(parts: list[QuerySet[Any]]) -> QuerySet[Any]:
    """The parts' rows in one query (UNION ALL), merged by group after."""
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def _values(dims: tuple[str, ...], time_column: str) -> dict[str, Any]:
    """The GROUP BY of statistics._group_values, on a tally's columns."""
    values: dict[str, Any] = {}
    for dim in dims:
        if dim in TIME_DIMENSIONS:
            values[f"g_{dim}"] = _bucket(dim, time_column)
            continue
        key, name, code = ENTITY_DIMENSIONS[dim]
        values[f"g_{dim}"] = F(key)
        values[f"g_{dim}_name"] = F(name)
        if code:
            values[f"g_{dim}_code"] = F(code)
    return values


def _bucket(dim: str, time_column: str) -> Any:
    if dim == "month":
        return F("month") if time_column == "month" else TruncMonth(time_column)
    return TruncYear(time_column)


# --- In progress at the end of a day ---------------------------------------------------


def _snapshots(
    selection: Selection, period: Period, dims: tuple[str, ...], today: date
) -> list[dict[str, Any]]:
    days = statistics.snapshot_days(period, dims, today)
    if not days:
        return []
    entity_dims = tuple(dim for dim in dims if dim in ENTITY_DIMENSIONS)
    values = _values(entity_dims, "day")
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    parts = [
        _grouped(model.objects.filter(selection.q() & where), values, counts)
        for model, counts, where in _snapshot_parts(days)
    ]
    for record in _union(parts):
        _add_group(groups, record)
    time_dim = next((dim for dim in dims if dim in TIME_DIMENSIONS), None)
    return [
        record
        for group in groups.values()
        for index, (bucket, _day) in enumerate(days)
        if (record := statistics._snapshot_record(group, index, time_dim, bucket))
    ]


def _snapshot_parts(days: list[tuple[Any, date]]) -> list[tuple[type[Model], dict, Q]]:
    """Per source, one trio of sums per snapshot day (the same columns in
    the same order in each, for the UNION), and which rows can matter."""
    months: dict[str, Any] = {}
    partial: dict[str, Any] = {}
    entries: dict[str, Any] = {}
    first_partial = None
    for index, (_bucket, day) in enumerate(days):
        month = day.replace(day=1)
        whole = day == _month_end(day)
        before = Q(month__lte=month) if whole else Q(month__lt=month)
        for name in SNAPSHOT_COUNTS:
            key = f"{name}_{index}"
            months[key] = Sum(name, filter=before, default=0)
            entries[key] = Sum(name, filter=Q(day__lte=day), default=0)
            partial[key] = (
                Value(0) if whole else Sum(name, filter=Q(day__gte=month, day__lte=day), default=0)
            )
        if not whole:
            first_partial = min(first_partial or month, month)
    last = days[-1][1]
    parts = [
        (MonthTally, months, Q(month__lte=last.replace(day=1))),
        (TallyEntry, entries, Q(day__lte=last)),
    ]
    if first_partial is not None:
        parts.append((DayTally, partial, Q(day__gte=first_partial, day__lte=last)))
    return parts


def _add_group(groups: dict[tuple[Any, ...], dict[str, Any]], record: dict[str, Any]) -> None:
    key = tuple(value for name, value in sorted(record.items()) if name.startswith("g_"))
    group = groups.get(key)
    if group is None:
        groups[key] = dict(record)
        return
    for name, value in record.items():
        if not name.startswith("g_"):
            group[name] = group.get(name, 0) + value
