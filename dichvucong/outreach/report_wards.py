"""The year-end report's dossiers by ward, by the wards of the time or by
today's (issue 15 point 3): where the helped households live, read from
the residential group the dossier was submitted from (Dossier.residential_group;
else the receiving agency's unit), and
moved to today's ward by reports.unitmap, the one map of the
reorganisation. The dossiers are those the shown schools counted (and
left pending), so both views add up to the schools' totals.

The report's schools carry the ids (report.build_report reads them with
the figures, a frozen report keeps them): one query of their groups and units,
and the map's six."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dichvucong.dossiers.models import Dossier
from dichvucong.lib import disclosure
from dichvucong.outreach import report
from dichvucong.outreach.models import Campaign
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY, VIEWS, UnitMap, default_view

# The page's switch and the exports' heading say the view in these words.
VIEW_LABELS = {
    VIEW_TODAY: gettext_lazy("Phường hiện nay"),
    VIEW_OF_THE_TIME: gettext_lazy("Phường tại thời điểm nộp hồ sơ"),
}


@dataclass
class WardRow:
    unit_id: int | None
    name: str
    code: str
    dossiers: int = 0
    pending: int = 0


@dataclass
class WardTable:
    """The table as the page, the XLSX and the PDF show it: the view, its
    rows after the small-cells rule (merged: a row was), the exact total."""

    view: str
    rows: list[WardRow]
    merged: bool
    total: WardRow

    @property
    def view_label(self) -> str:
        return str(VIEW_LABELS[self.view])


def ward_table(shown: report.Presentation, asked: str | None, today: date) -> WardTable:
    view = chosen_view(asked, shown)
    rows = by_ward(shown, view, today)
    shown_rows, merged = disclosed(rows)
    return WardTable(view, shown_rows, merged, total(rows))


def chosen_view(asked: str | None, shown: report.Presentation) -> str:
    """The view asked for, else today's wards for a school year that
    reaches past the last reorganisation (unitmap.default_view)."""
    if asked in VIEWS:
        return asked
    return default_view(shown.report.year_last_day)


def by_ward(shown: report.Presentation, view: str, today: date) -> list[WardRow]:
    counted, pending = _ids(shown)
    places = _places(counted, pending)
    unit_map = UnitMap(today)
    rows: dict[int | None, WardRow] = {}
    for (group, unit), (dossiers, waiting) in places.items():
        ward = _ward(unit_map, group, unit, view)
        if ward not in rows:
            rows[ward] = _row(unit_map, ward, view)
        row = rows[ward]
        row.dossiers += dossiers
        row.pending += waiting
    return sorted(rows.values(), key=lambda row: (row.unit_id is None, row.name))


def _places(counted: set[int], pending: set[int]) -> dict[tuple[int | None, int], list[int]]:
    """{(residential group, agency's unit): [counted, pending]}: one query
    naming each id once, tallied here (a grouped count with the ids in
    its filters sent them three times, and the driver read each)."""
    found = (
        Dossier.objects.filter(pk__in=counted | pending)
        .values_list("pk", "residential_group", "agency__admin_unit")
    )
    places: dict[tuple[int | None, int], list[int]] = {}
    for pk, group, unit in found:
        tally = places.setdefault((group, unit), [0, 0])
        tally[0] += pk in counted
        tally[1] += pk in pending
    return places


def _ward(unit_map: UnitMap, group: int | None, unit: int, view: str) -> int:
    """The ward of the time: the group's, else the agency's unit; today's:
    where the map takes it, else the ward of the time (said so)."""
    of_the_time = unit_map.units[group].parent_id if group is not None else unit
    if view != VIEW_TODAY:
        return of_the_time or unit
    today = unit_map.ward_on(group if group is not None else unit)
    return today or of_the_time or unit


def _row(unit_map: UnitMap, ward: int, view: str) -> WardRow:
    unit = unit_map.units[ward]
    name = unit.name
    if view == VIEW_TODAY and not unit.valid_on(unit_map.day):
        name = _("%(name)s (đã kết thúc, chưa xác định đơn vị mới)") % {"name": name}
    return WardRow(ward, name, unit.code)


def _ids(shown: report.Presentation) -> tuple[set[int], set[int]]:
    """The dossier ids the shown schools counted and left pending: kept
    in a frozen report, found afresh for a live one."""
    schools = shown.report.schools
    if all(school.dossier_ids is not None for school in schools):
        return _union(s.dossier_ids or [] for s in schools), _union(
            s.pending_ids or [] for s in schools
        )
    campaign = Campaign.objects.get(pk=shown.report.campaign_id)
    found = report.dossier_ids(campaign)
    shown_ids = [school.school_id for school in schools]
    return (
        _union(found.get(pk, ([], []))[0] for pk in shown_ids),
        _union(found.get(pk, ([], []))[1] for pk in shown_ids),
    )


def _union(lists: Iterable[list[int]]) -> set[int]:
    return {pk for ids in lists for pk in ids}


def disclosed(rows: list[WardRow]) -> tuple[list[WardRow], bool]:
    """The rows as shown to anyone (lib/disclosure.py): a ward where 1 to 4
    helped households' dossiers succeeded or wait is merged with the other
    small ones into one row, so the table never points at a household; the
    total stays exact. True when a row was merged."""
    split = disclosure.merge_small(rows, lambda row: (row.dossiers, row.pending))
    if not split.merged:
        return rows, False
    other = WardRow(
        None,
        _("Các phường khác (gộp)"),
        "",
        sum(row.dossiers for row in split.merged),
        sum(row.pending for row in split.merged),
    )
    return [*split.kept, other], True


def total(rows: list[WardRow]) -> WardRow:
    return WardRow(
        None,
        _("Cộng"),
        "",
        sum(row.dossiers for row in rows),
        sum(row.pending for row in rows),
    )
