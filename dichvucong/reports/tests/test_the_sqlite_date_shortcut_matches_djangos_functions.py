"""On SQLite with a fixed UTC offset the local dates are computed natively
(reports.dbfunctions); they must equal Django's own time zone functions,
and a zone with summer time must not take the shortcut."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from dichvucong.reports import dbfunctions, statistics
from dichvucong.reports.statistics import DIMENSIONS, Period

PERIODS = [
    Period(date(2025, 1, 1), date(2025, 12, 31)),
    Period(date(2024, 11, 15), date(2025, 3, 10)),
]


def test_hanoi_has_one_offset_and_paris_two():
    with timezone.override("Asia/Ho_Chi_Minh"):
        assert dbfunctions.fixed_offset(date(2024, 1, 1), date(2025, 12, 31)) == timedelta(hours=7)
    with timezone.override("Europe/Paris"):
        assert dbfunctions.fixed_offset(date(2025, 1, 1), date(2025, 12, 31)) is None
        assert dbfunctions.fixed_offset(date(2025, 12, 1), date(2025, 12, 31)) is not None


@pytest.mark.parametrize("period", PERIODS)
def test_the_shortcut_and_djangos_functions_give_the_same_tables(
    world, frozen, period, monkeypatch
):
    fast = statistics.tables(None, period, DIMENSIONS, frozen)
    monkeypatch.setattr(statistics, "fixed_offset", lambda start, end: None)
    slow = statistics.tables(None, period, DIMENSIONS, frozen)
    for dim in DIMENSIONS:
        assert [(r.label, r.figures) for r in fast[dim]] == [
            (r.label, r.figures) for r in slow[dim]
        ], dim


def test_sqlite_takes_the_shortcut_only_with_a_fixed_offset(db, monkeypatch):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the shortcut is for SQLite only")
    period = PERIODS[0]
    query = statistics._resolved(statistics.real_dossiers(), period, ("month",))
    assert "strftime(" in str(query.query)
    monkeypatch.setattr(statistics, "fixed_offset", lambda start, end: None)
    query = statistics._resolved(statistics.real_dossiers(), period, ("month",))
    assert "strftime(" not in str(query.query)
