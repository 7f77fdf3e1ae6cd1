"""On SQLite with a fixed UTC offset the local dates are computed natively
(reports.dbfunctions); they must equal Django's own time zone functions,
and a zone with summer time must not take the shortcut."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

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


@pytest.mark.parametrize("shortcut", [True, False])
def test_month_and_year_buckets_are_plain_dates_on_either_path(
    world, frozen, monkeypatch, shortcut
):
    """A datetime bucket beside a date one splits a month in two and breaks
    the year table's sorting: whatever the database returns, a date."""
    if not shortcut:
        monkeypatch.setattr(statistics, "fixed_offset", lambda start, end: None)
    result = statistics.tables(None, PERIODS[0], ("month", "year"), frozen)
    buckets = [row.buckets[dim] for dim in ("month", "year") for row in result[dim]]
    assert buckets and all(type(bucket) is date for bucket in buckets)


def test_a_midnight_datetime_from_the_database_reads_as_its_local_date():
    trunc = dbfunctions.LocalTrunc("month", "submitted_at", None)
    hanoi = timezone.get_default_timezone()
    assert trunc.convert_value(datetime(2025, 3, 1), None, None) == date(2025, 3, 1)
    aware = datetime(2025, 2, 28, 17, 0, tzinfo=ZoneInfo("UTC"))  # 00:00 on 01/03 in Hà Nội
    with timezone.override(hanoi):
        assert trunc.convert_value(aware, None, None) == date(2025, 3, 1)
    assert trunc.convert_value(date(2025, 3, 1), None, None) == date(2025, 3, 1)
    assert trunc.convert_value(None, None, None) is None
