from __future__ import annotations

import re

from dichvucong.results.service import ALPHABET, masked_name, new_verification_code, normalise_code


def test_codes_are_three_groups_of_four_from_the_unambiguous_alphabet():
    codes = {new_verification_code() for _ in range(200)}

    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
        assert set(code.replace("-", "")) <= set(ALPHABET)
    assert not set("01OI") & set(ALPHABET)


def test_typed_codes_are_normalised_and_impossible_ones_refused():
    assert normalise_code(" abcd efgh 2345 ") == "ABCD-EFGH-2345"
    assert normalise_code("ABCD-EFGH-234") is None
    assert normalise_code("ABCD-EFGH-2340") is None  # 0 is never issued


def test_names_keep_the_family_name_and_initials():
    assert masked_name("Nguyễn Văn Bình") == "Nguyễn V** B***"
    assert masked_name("  Trần   Thị Hoa ") == "Trần T** H**"
    assert masked_name("Hoa") == "H**"
    assert masked_name("") == ""
