"""Appendix I, II.3-4: a leading 0 for days 1-9 and for January and
February only; numbers from 01; the place is the unit's own name."""

from __future__ import annotations

from datetime import date

import pytest

from dichvucong.documents.layout import long_date, number_line, place_name


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 12, 5), "ngày 05 tháng 12 năm 2026"),
        (date(2026, 2, 14), "ngày 14 tháng 02 năm 2026"),
        (date(2026, 1, 9), "ngày 09 tháng 01 năm 2026"),
        (date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
        (date(2026, 10, 1), "ngày 01 tháng 10 năm 2026"),
    ],
)
def test_the_date_line(day: date, text: str) -> None:
    assert long_date(day) == text


def test_a_blank_date_keeps_room_to_write_it_and_the_year() -> None:
    assert " ".join(long_date(None, 2026).split()) == "ngày tháng năm 2026"


def test_numbers_start_at_01_and_a_blank_one_keeps_its_symbol() -> None:
    assert number_line(1, "BC-PGDĐT") == "Số: 01/BC-PGDĐT"
    assert number_line(123, "QĐ-UBND") == "Số: 123/QĐ-UBND"
    assert " ".join(number_line(None, "QĐ-UBND").split()) == "Số: /QĐ-UBND"


@pytest.mark.parametrize(
    ("unit", "place"),
    [
        ("Thanh Xuân", "Thanh Xuân"),
        ("Quận Thanh Xuân", "Thanh Xuân"),
        ("Phường Khương Đình", "Khương Đình"),
        ("Thành phố Hà Nội", "Hà Nội"),
        ("Quận 1", "Quận 1"),
    ],
)
def test_the_place_is_the_units_name(unit: str, place: str) -> None:
    assert place_name(unit) == place
