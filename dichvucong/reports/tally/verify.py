"""The kept counts against the direct count (statistics.table): what
differs, for `manage.py rebuild_statistics --check` and the tests."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from django.db.models import Max, Min
from django.utils import timezone

from dichvucong.reports import statistics
from dichvucong.reports.statistics import FINE_GRAIN, Period, Row
from dichvucong.reports.tally.reading import Selection, table

CHECKED_GROUPINGS = ((), FINE_GRAIN, ("month",), ("agency", "year"))


def differences(
    period: Period, dims: tuple[str, ...] = FINE_GRAIN, today: date | None = None,
    selection: Selection | None = None,
) -> list[str]:
    """One line per row whose figures differ; empty when all agree."""
    dossiers = None
    if selection is not None and selection != Selection():
        dossiers = statistics.real_dossiers().filter(selection.q())
    direct = _by_key(statistics.table(dossiers, period, dims, today))
    kept = _by_key(table(selection or Selection(), period, dims, today))
    lines = []
    for key in sorted(direct.keys() | kept.keys(), key=str):
        expected, found = direct.get(key), kept.get(key)
        if expected != found:
            label = (expected or found).label  # type: ignore[union-attr]
            lines.append(f"{period.label} {label}: {_changed(expected, found)}")
    return lines


def _by_key(rows: list[Row]) -> dict[tuple, Row]:
    return {row.key: row for row in rows}


def _changed(expected: Row | None, found: Row | None) -> str:
    want = asdict(expected.figures) if expected else {}
    got = asdict(found.figures) if found else {}
    return ", ".join(
        f"{name} {want.get(name, 0)} ≠ {got.get(name, 0)}"
        for name in sorted(want.keys() | got.keys())
        if want.get(name, 0) != got.get(name, 0)
    )


def years_with_dossiers() -> list[int]:
    span = statistics.real_dossiers().aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
    if span["first"] is None:
        return []
    first = timezone.localtime(span["first"]).year
    return list(range(first, timezone.localdate().year + 1))


def check_all() -> list[str]:
    """Every year since the first dossier, in every checked grouping."""
    lines: list[str] = []
    for year in years_with_dossiers():
        period = Period(date(year, 1, 1), date(year, 12, 31))
        for dims in CHECKED_GROUPINGS:
            lines += differences(period, dims)
    return lines
