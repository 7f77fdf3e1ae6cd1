import pytest

from dichvucong.lib.vnd_words import number_in_words, vnd_in_words


def test_the_receipt_line_is_capitalised_and_ends_with_dong():
    assert vnd_in_words(24000) == "Hai mươi bốn nghìn đồng"
    assert vnd_in_words(0) == "Không đồng"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "một"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi bốn"),
        (25, "hai mươi lăm"),
        (100, "một trăm"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (999, "chín trăm chín mươi chín"),
    ],
)
def test_tens_and_units_follow_the_spoken_exceptions(number, words):
    assert number_in_words(number) == words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1_000, "một nghìn"),
        (1_050, "một nghìn không trăm năm mươi"),
        (8_000, "tám nghìn"),
        (50_000, "năm mươi nghìn"),
        (105_000, "một trăm linh năm nghìn"),
        (1_000_000, "một triệu"),
        (1_000_500, "một triệu năm trăm"),
        (1_005_000, "một triệu không trăm linh năm nghìn"),
        (1_234_567, "một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy"),
        (1_000_000_000, "một tỷ"),
        (2_000_005_000, "hai tỷ không trăm linh năm nghìn"),
        (1_000_000_000_000, "một nghìn tỷ"),
    ],
)
def test_groups_after_the_first_are_read_in_full_and_empty_ones_skipped(number, words):
    assert number_in_words(number) == words


def test_a_negative_amount_is_read_with_am():
    assert number_in_words(-5) == "âm năm"
