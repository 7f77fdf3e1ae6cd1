from __future__ import annotations

from datetime import date

import pytest

from dichvucong.reports.formatting import format_count, format_date, format_decimal, format_share


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1234, "1.234"),
        (20000, "20.000"),
        (1234567, "1.234.567"),
        (None, "—"),
    ],
)
def test_counts_use_dots_between_thousands(value, text):
    assert format_count(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.9534, "95,3%"),
        (0.95349, "95,3%"),
        (0.95350, "95,4%"),
        (1, "100,0%"),
        (0, "0,0%"),
        (None, "—"),
    ],
)
def test_shares_use_a_decimal_comma_and_round_half_up(value, text):
    assert format_share(value) == text


def test_points_have_two_decimals():
    assert format_decimal(18.456, 2) == "18,46"
    assert format_decimal(1234.5, 2) == "1.234,50"


def test_dates_are_day_month_year():
    assert format_date(date(2025, 3, 9)) == "09/03/2025"
