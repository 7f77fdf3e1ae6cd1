"""Report tables by today's units: the rows counted by the units of their
time, moved to today's agency and ward by reports.unitmap.

Rows are counted as always (kept counts or dossiers), grouped also by
agency and procedure; the ended agencies whose dossiers depend on the
residential group a dossier was submitted from are counted apart from
their dossiers,
grouped by that group too. Each counted row then goes, whole, to one
agency of today: every dossier is in exactly one row before and after,
so the totals of both views are the same. The loops run over groups of
rows (agencies × procedures × groups), never over dossiers; the cost is
the counting's queries twice plus the map's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from dichvucong.dossiers.models import Dossier
from dichvucong.reports import statistics
from dichvucong.reports.statistics import Period, Row
from dichvucong.reports.unitmap import UnitMap

Count = Callable[..., list[Row]]
MAPPED = ("agency", "ward")


@dataclass(frozen=True)
class Sources:
    """What to count: `rest` (with `count`) holds every dossier but those
    of `dependent_ids`, which `dependent` (dossiers) holds."""

    rest: Any
    count: Count
    dependent: QuerySet[Dossier]
    dependent_ids: frozenset[int]


@dataclass(frozen=True)
class Only:
    """Today's agency or ward a filtered report keeps (None: all)."""

    agency_id: int | None = None
    unit_id: int | None = None

    def keeps(self, agency_id: int, unit_id: int) -> bool:
        return (self.agency_id is None or agency_id == self.agency_id) and (
            self.unit_id is None or unit_id == self.unit_id
        )

    @property
    def filters(self) -> bool:
        return self.agency_id is not None or self.unit_id is not None


def counter(sources: Sources, unit_map: UnitMap, only: Only) -> Count:
    """A count function for statistics.tables and opendata.rows (its
    first argument is ignored: the sources are set here)."""

    def count(_source: Any, period: Period, dims: tuple[str, ...], today: date) -> list[Row]:
        if not only.filters and not set(MAPPED) & set(dims):
            return _unmapped_table(sources, period, dims, today)
        return mapped_table(sources, unit_map, only, period, dims, today)

    return count


def added(sources: Sources) -> Count:
    """A count function adding both sources' rows, moving none (the units
    of the time)."""

    def count(_source: Any, period: Period, dims: tuple[str, ...], today: date) -> list[Row]:
        return _unmapped_table(sources, period, dims, today)

    return count


def _unmapped_table(
    sources: Sources, period: Period, dims: tuple[str, ...], today: date
) -> list[Row]:
    """A table with no agency or ward (by month, by procedure): both
    sources' rows added up, key by key."""
    counted = sources.count(sources.rest, period, dims, today)
    if sources.dependent_ids:
        counted += statistics.table(sources.dependent, period, dims, today)
    rows: dict[tuple[Any, ...], Row] = {}
    for row in counted:
        if row.key in rows:
            rows[row.key].figures.add(row.figures)
        else:
            rows[row.key] = replace(row, figures=replace(row.figures))
    return sorted(rows.values(), key=lambda row: statistics._sort_key(row, dims))


def mapped_table(
    sources: Sources,
    unit_map: UnitMap,
    only: Only,
    period: Period,
    dims: tuple[str, ...],
    today: date,
) -> list[Row]:
    fine = (*dims, *(dim for dim in ("agency", "procedure") if dim not in dims))
    counted = [(row, None) for row in sources.count(sources.rest, period, fine, today)]
    if sources.dependent_ids:
        grouped = statistics.table(sources.dependent, period, (*fine, "group"), today)
        counted += [(row, row.key[-1]) for row in grouped]
    rows: dict[tuple[Any, ...], Row] = {}
    for row, group in counted:
        _move(rows, row, group, unit_map, only, fine, dims)
    return sorted(rows.values(), key=lambda row: statistics._sort_key(row, dims))


def _move(
    rows: dict[tuple[Any, ...], Row],
    row: Row,
    group: int | None,
    unit_map: UnitMap,
    only: Only,
    fine: tuple[str, ...],
    dims: tuple[str, ...],
) -> None:
    old = row.key[fine.index("agency")]
    agency = unit_map.agencies[unit_map.agency_today(old, row.key[fine.index("procedure")], group)]
    if not only.keeps(agency.pk, agency.unit_id):
        return
    key, names, codes = [], {}, {}
    for index, dim in enumerate(dims):
        if dim == "agency":
            key.append(agency.pk)
            names[dim], codes[dim] = agency_name(agency.name, agency.valid), agency.code
        elif dim == "ward":
            key.append(agency.unit_id)
            names[dim], codes[dim] = agency.unit_name, agency.unit_code
        else:
            key.append(row.key[index])
            names[dim], codes[dim] = row.names[dim], row.codes.get(dim, "")
    found = rows.get(tuple(key))
    if found is None:
        found = rows[tuple(key)] = Row(tuple(key), names, codes, dict(row.buckets))
        found.figures = replace(row.figures)
        return
    found.figures.add(row.figures)


def agency_name(name: str, valid: bool) -> str:
    """An agency of the time kept in today's view because nothing says
    where its dossiers went: said so, beside its name."""
    return name if valid else _("%(name)s (đã kết thúc, chưa xác định đơn vị mới)") % {"name": name}
