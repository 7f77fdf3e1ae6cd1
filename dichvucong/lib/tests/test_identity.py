from __future__ import annotations

from datetime import date

import pytest

from dichvucong.lib.identity import (
    MOBILE_PREFIXES,
    PROVINCE_CODES,
    InvalidIdentity,
    clean_id_number,
    clean_mobile_phone,
    clean_tax_code,
    describe_id_number,
)

TODAY = date(2025, 6, 1)


def code_of(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidIdentity) as caught:
        call()
    return caught.value.code


# --- Personal ID number -------------------------------------------------------


def test_a_twelve_digit_number_with_a_known_province_is_accepted():
    assert clean_id_number("001085012345", today=TODAY) == "001085012345"


def test_spaces_dots_and_dashes_typed_between_digit_groups_are_dropped():
    assert clean_id_number(" 001 085.012-345 ", today=TODAY) == "001085012345"


def test_the_list_holds_the_63_provinces_of_2021():
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["096"] == "Cà Mau"


def test_letters_in_the_id_number_are_refused_with_a_plain_message():
    with pytest.raises(InvalidIdentity) as caught:
        clean_id_number("00108501234A", today=TODAY)
    assert caught.value.message == (
        "Số định danh cá nhân chỉ gồm chữ số: nhập 12 số in trên thẻ căn cước, ví dụ 001090012345."
    )
    assert str(caught.value) == caught.value.message


def test_non_ascii_digits_are_refused():
    assert code_of(lambda: clean_id_number("٠٠١085012345", today=TODAY)) == "id_not_digits"


@pytest.mark.parametrize("raw", ["", "00108501234", "0010850123456"])
def test_an_id_number_of_the_wrong_length_is_refused(raw: str):
    with pytest.raises(InvalidIdentity) as caught:
        clean_id_number(raw, today=TODAY)
    assert (
        caught.value.message == "Số định danh cá nhân phải có đúng 12 chữ số. Ví dụ: 001090012345."
    )


def test_an_old_nine_digit_identity_card_number_gets_its_own_message():
    with pytest.raises(InvalidIdentity) as caught:
        clean_id_number("012345678", today=TODAY)
    assert caught.value.code == "id_old_card"
    assert "chứng minh nhân dân cũ" in caught.value.message


@pytest.mark.parametrize("province", ["000", "003", "097", "999"])
def test_an_unknown_province_code_is_refused(province: str):
    with pytest.raises(InvalidIdentity) as caught:
        clean_id_number(province + "085012345", today=TODAY)
    assert caught.value.message == (
        "Ba số đầu của số định danh cá nhân không phải mã tỉnh, thành phố nào. "
        "Nhập lại đúng 12 số in trên thẻ căn cước."
    )


def test_a_birth_year_in_the_future_is_refused():
    # Digit 4 = 2: born in the 2000s; "26" is 2026, after TODAY.
    assert code_of(lambda: clean_id_number("001226012345", today=TODAY)) == "id_future_year"


def test_a_birth_this_year_is_accepted():
    assert clean_id_number("001325012345", today=TODAY) == "001325012345"


@pytest.mark.parametrize("century_digit", "456789")
def test_centuries_after_the_2000s_are_still_in_the_future(century_digit: str):
    number = f"001{century_digit}00012345"
    assert code_of(lambda: clean_id_number(number, today=TODAY)) == "id_future_year"


def test_the_default_today_is_the_real_date():
    assert clean_id_number("001085012345") == "001085012345"


@pytest.mark.parametrize(
    ("number", "sex", "year"),
    [
        ("001085012345", "male", 1985),
        ("079185012345", "female", 1985),
        ("001207012345", "male", 2007),
        ("001399012345", "female", 2099),
        ("001800012345", "male", 2300),
    ],
)
def test_the_fourth_digit_gives_century_and_sex(number: str, sex: str, year: int):
    facts = describe_id_number(number)
    assert facts.sex == sex
    assert facts.birth_year == year


def test_the_first_three_digits_give_the_province():
    assert describe_id_number("079185012345").province == "Hồ Chí Minh"


# --- Mobile phone ---------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84912345678",
        "+84 912 345 678",
        "84912345678",
        "+84 (0) 912 345 678",
    ],
)
def test_the_usual_ways_of_writing_a_mobile_number_are_normalised(raw: str):
    assert clean_mobile_phone(raw) == "0912345678"


def test_letters_in_a_phone_number_are_refused():
    with pytest.raises(InvalidIdentity) as caught:
        clean_mobile_phone("09123abc78")
    assert caught.value.message == (
        "Số điện thoại chỉ gồm chữ số: nhập 10 số, ví dụ 0912345678 (có thể bắt đầu bằng +84)."
    )


@pytest.mark.parametrize(
    "raw", ["", "091234567", "09123456789", "1912345678", "+1 415 555 0100", "8491234567"]
)
def test_a_phone_number_of_the_wrong_shape_is_refused(raw: str):
    with pytest.raises(InvalidIdentity) as caught:
        clean_mobile_phone(raw)
    assert caught.value.message == (
        "Số điện thoại di động phải có 10 chữ số và bắt đầu bằng số 0, ví dụ 0912345678."
    )


@pytest.mark.parametrize("prefix", ["095", "031", "024", "050", "071", "080", "010"])
def test_a_prefix_that_is_not_a_current_mobile_prefix_is_refused(prefix: str):
    with pytest.raises(InvalidIdentity) as caught:
        clean_mobile_phone(prefix + "1234567")
    assert caught.value.message == (
        "Đầu số này không phải đầu số di động đang dùng ở Việt Nam. "
        "Nhập số di động 10 chữ số, ví dụ 0912345678."
    )


@pytest.mark.parametrize(
    "prefix",
    ["032", "039", "052", "055", "059", "070", "079", "081", "089", "090", "094", "096", "099"],
)
def test_each_current_prefix_is_accepted(prefix: str):
    assert clean_mobile_phone(prefix + "1234567") == prefix + "1234567"


def test_the_post_2018_list_has_41_prefixes_without_095():
    assert len(MOBILE_PREFIXES) == 8 + 5 + 5 + 9 + 9
    assert "095" not in MOBILE_PREFIXES


# --- Tax code -------------------------------------------------------------------


def test_a_ten_digit_tax_code_is_accepted():
    assert clean_tax_code(" 0101234567 ") == "0101234567"


@pytest.mark.parametrize("raw", ["0101234567-001", "0101234567001", "0101234567 - 001"])
def test_a_branch_tax_code_is_written_with_the_dash(raw: str):
    assert clean_tax_code(raw) == "0101234567-001"


@pytest.mark.parametrize(
    "raw",
    ["", "010123456", "01012345678", "010-1234567", "0101234567-01", "01012345AB", "0101234567-"],
)
def test_a_tax_code_of_the_wrong_shape_is_refused(raw: str):
    with pytest.raises(InvalidIdentity) as caught:
        clean_tax_code(raw)
    assert caught.value.message == (
        "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (viết dạng 0101234567-001)."
    )


def test_branch_number_000_is_refused():
    assert code_of(lambda: clean_tax_code("0101234567-000")) == "tax_branch"


def test_the_error_is_a_value_error_so_plain_callers_can_catch_that():
    with pytest.raises(ValueError):
        clean_tax_code("x")
