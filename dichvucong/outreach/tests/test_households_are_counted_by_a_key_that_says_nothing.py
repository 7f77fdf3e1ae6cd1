from __future__ import annotations

import pytest

from dichvucong.outreach.services import household_key


def test_an_applicant_with_an_account_is_keyed_by_it():
    assert household_key(user_id=42) == "u:42"


def test_the_same_phone_written_differently_gives_the_same_key_without_the_number():
    key = household_key(phone="0912 345 678")
    assert key == household_key(phone="+84912345678")
    assert "912345678" not in key
    assert key != household_key(phone="0912345679")


def test_a_key_needs_an_account_or_a_phone():
    with pytest.raises(ValueError):
        household_key()
