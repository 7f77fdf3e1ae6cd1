from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.catalogue.services import fixed_fee_amount


@pytest.mark.parametrize(
    ("rule", "amount"),
    [
        ({"kind": "free"}, 0),
        ({"kind": "fixed", "amount": 10000, "unit": "trường hợp"}, 10000),
        ({"kind": "set_by_council", "amount": 50000}, 50000),
        ({"kind": "set_by_council", "amount": None}, None),
        ({"kind": "per_copy", "amount": 8000, "unit": "bản sao"}, None),
        ({"kind": "per_page", "tiers": [{"from_page": 1, "amount": 2000}]}, None),
        ({"kind": "fixed", "amount": -5}, None),
        ({"kind": "fixed", "amount": "8000"}, None),
        ({}, None),
        ("8000", None),
    ],
)
def test_fixed_fee_amount(rule, amount):
    assert fixed_fee_amount(rule) == amount


def test_council_fee_not_yet_entered_shows_only_the_wording(catalogue_sample, client):
    marriage = catalogue_sample.marriage
    marriage.fee_text = "HĐND thành phố quy định"
    marriage.fee_rule = {"kind": "set_by_council", "amount": None}
    marriage.save()
    body = client.get(reverse("catalogue:detail", args=[marriage.code])).content.decode()
    assert "HĐND thành phố quy định" in body
    assert "Số tiền phải nộp" not in body
    assert "Không phải nộp tiền" not in body


def test_free_procedure_says_nothing_to_pay(catalogue_sample, client):
    body = client.get(reverse("catalogue:detail", args=["1.001193"])).content.decode()
    assert "Không phải nộp tiền." in body
