from datetime import date

from dichvucong.lib.dossier_codes import format_code, parse_code


def test_code_joins_unit_day_and_four_digit_sequence():
    assert format_code("000.01.H26", date(2017, 3, 1), 7) == "000.01.H26-170301-0007"


def test_sequence_beyond_9999_keeps_all_digits():
    assert format_code("X", date(2026, 1, 2), 12345) == "X-260102-12345"


def test_parse_reverses_format():
    assert parse_code("000.01.H26-170301-0007") == ("000.01.H26", date(2017, 3, 1), 7)


def test_parse_rejects_garbage_and_impossible_days():
    assert parse_code("abc") is None
    assert parse_code("X-171332-0001") is None
