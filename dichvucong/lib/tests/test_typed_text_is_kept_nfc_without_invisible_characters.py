from __future__ import annotations

from dichvucong.lib.text import clean_typed


def test_decomposed_vietnamese_is_composed() -> None:
    assert clean_typed("Nguye\u0302\u0303n") == "Nguyễn"


def test_controls_and_invisible_format_characters_are_dropped() -> None:
    assert clean_typed("a\x00b\x1b[31m\x7fc\u200b\ufeff") == "ab[31mc"
    assert clean_typed("\u202egnp.exe") == "gnp.exe"


def test_line_breaks_stay_only_in_multiline_text() -> None:
    assert clean_typed("Số 1\r\nngõ 2\tđường 3", multiline=True) == "Số 1\r\nngõ 2\tđường 3"
    assert clean_typed("Số 1\r\nngõ 2\tđường 3") == "Số 1  ngõ 2 đường 3"


def test_emoji_and_other_scripts_stay() -> None:
    assert clean_typed("𝔘𝔫𝔦 😀 ١٢٣") == "𝔘𝔫𝔦 😀 ١٢٣"
