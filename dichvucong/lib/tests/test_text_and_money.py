from dichvucong.lib.money import format_vnd
from dichvucong.lib.text import fold


def test_fold_strips_marks_and_maps_d_bar():
    assert fold("Đăng ký  KHAI sinh") == "dang ky khai sinh"


def test_fold_keeps_plain_text():
    assert fold("dang ky") == "dang ky"


def test_money_uses_dots_and_dong_sign():
    assert format_vnd(1234567) == "1.234.567 đ"
    assert format_vnd(0) == "0 đ"
    assert format_vnd(-8000) == "-8.000 đ"
