from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dichvucong.catalogue.fees import (
    COUNCIL_LABEL,
    FeeNotSet,
    FeeParseError,
    compute_fee,
    describe_fee,
    parse_fee,
    rule_errors,
)

CSV_PATH = Path(__file__).resolve().parents[2] / "demo" / "data" / "procedures_hanoi.csv"

COUNCIL = {"kind": "set_by_council", "amount": None, "exemptions": []}
CERTIFIED_COPY = {
    "kind": "per_page",
    "tiers": [{"from_page": 1, "amount": 2000}, {"from_page": 3, "amount": 1000}],
    "cap_per_copy": 200000,
    "exemptions": [],
}

# Every distinct wording of the real catalogue file, with the rule it must give.
CATALOGUE_WORDING = {
    "0": {"kind": "free", "exemptions": []},
    "0 (miễn lệ phí)": {"kind": "free", "exemptions": [], "note": "miễn lệ phí"},
    "0 (miễn lệ phí khi đăng ký đúng hạn)": {
        "kind": "free",
        "exemptions": [],
        "note": "miễn lệ phí khi đăng ký đúng hạn",
    },
    "0 (miễn khi đăng ký đúng hạn)": {
        "kind": "free",
        "exemptions": [],
        "note": "miễn khi đăng ký đúng hạn",
    },
    "HĐND thành phố quy định": COUNCIL,
    "HĐND thành phố quy định; miễn cho người có công / hộ nghèo / người khuyết tật": {
        **COUNCIL,
        "exemptions": ["ho_ngheo", "nguoi_co_cong", "nguoi_khuyet_tat"],
    },
    "HĐND thành phố quy định (Thông tư 85/2019/TT-BTC)": {
        **COUNCIL,
        "note": "Thông tư 85/2019/TT-BTC",
    },
    "8000 đồng / bản sao": {
        "kind": "per_copy",
        "amount": 8000,
        "unit": "bản sao",
        "exemptions": [],
    },
    "2000 đồng/trang; từ trang thứ 3 trở đi 1000 đồng/trang; tối đa 200000 đồng/bản": (
        CERTIFIED_COPY
    ),
    "10000 đồng/trường hợp": {
        "kind": "fixed",
        "amount": 10000,
        "unit": "trường hợp",
        "exemptions": [],
    },
    "50000 đồng/di chúc": {"kind": "fixed", "amount": 50000, "unit": "di chúc", "exemptions": []},
}


def catalogue_rows() -> list[dict[str, str]]:
    with CSV_PATH.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.parametrize("row", catalogue_rows(), ids=lambda row: row["code"])
def test_every_catalogue_fee_parses_to_the_expected_rule(row):
    assert row["fee"] in CATALOGUE_WORDING, "new wording: add its expected rule above"
    assert parse_fee(row["fee"]) == CATALOGUE_WORDING[row["fee"]]


@pytest.mark.parametrize("rule", CATALOGUE_WORDING.values())
def test_parsed_rules_pass_the_rule_check(rule):
    assert rule_errors(rule) == []


def test_wording_is_read_with_thousands_separators_and_without_diacritics():
    assert parse_fee("8.000 đồng/bản sao")["amount"] == 8000
    assert parse_fee("10,000 đ/trường hợp")["amount"] == 10000
    rule = parse_fee("HĐND thành phố quy định; miễn cho ho ngheo")
    assert rule["exemptions"] == ["ho_ngheo"]


def test_free_wording_without_a_zero_is_free():
    assert parse_fee("Miễn phí")["kind"] == "free"
    assert parse_fee("Không thu")["kind"] == "free"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "2000 đồng",  # an amount without a unit: per case? per page?
        "0; 5000 đồng/bản",  # free and not free
        "từ trang thứ 3 trở đi 1000 đồng/trang",  # no price for pages 1-2
        "10000 đồng/trường hợp; tối đa 200000 đồng/bản",  # a cap on a fixed fee
        "10000 đồng/bản; 20000 đồng/bản",
        "miễn cho sinh viên",
        "HĐND thành phố quy định; miễn cho sinh viên",
        "HĐND thành phố quy định (Thông tư",
    ],
)
def test_malformed_wording_is_refused(text):
    with pytest.raises(FeeParseError):
        parse_fee(text)


def test_certified_copy_of_five_pages_costs_two_tiers():
    assert compute_fee(CERTIFIED_COPY, pages=5, copies=1) == 2000 * 2 + 1000 * 3


def test_certified_copy_of_two_pages_stays_in_the_first_tier():
    assert compute_fee(CERTIFIED_COPY, pages=2) == 4000
    assert compute_fee(CERTIFIED_COPY) == 2000


def test_certified_copy_is_capped_per_copy():
    assert compute_fee(CERTIFIED_COPY, pages=300, copies=1) == 200000
    assert compute_fee(CERTIFIED_COPY, pages=300, copies=3) == 600000


def test_certified_copy_is_charged_for_each_copy():
    assert compute_fee(CERTIFIED_COPY, pages=5, copies=2) == 14000


def test_per_copy_fee_multiplies_by_copies_not_pages():
    rule = parse_fee("8000 đồng / bản sao")
    assert compute_fee(rule, pages=4, copies=3) == 24000


def test_fixed_fee_is_per_case():
    rule = parse_fee("50000 đồng/di chúc")
    assert compute_fee(rule, pages=10, copies=3) == 50000


def test_free_rule_costs_nothing():
    assert compute_fee(parse_fee("0 (miễn lệ phí)"), pages=9, copies=9) == 0


def test_council_fee_without_amount_cannot_be_charged():
    with pytest.raises(FeeNotSet):
        compute_fee(parse_fee("HĐND thành phố quy định"))


def test_council_fee_uses_the_amount_the_administrator_set():
    rule = {**parse_fee("HĐND thành phố quy định"), "amount": 100000}
    assert compute_fee(rule, copies=2) == 100000


def test_exempt_category_pays_nothing():
    rule = {
        **CATALOGUE_WORDING[
            "HĐND thành phố quy định; miễn cho người có công / hộ nghèo / người khuyết tật"
        ],
        "amount": 50000,
    }
    assert compute_fee(rule, category="ho_ngheo") == 0
    assert compute_fee(rule, category=None) == 50000


def test_exemption_not_listed_in_the_rule_does_not_apply():
    assert compute_fee(CERTIFIED_COPY, pages=5, category="ho_ngheo") == 7000


@pytest.mark.parametrize("pages,copies", [(0, 1), (1, 0), (-1, 1)])
def test_pages_and_copies_must_be_positive(pages, copies):
    with pytest.raises(ValueError):
        compute_fee(CERTIFIED_COPY, pages=pages, copies=copies)


@pytest.mark.parametrize(
    "rule",
    [
        {},
        {"kind": "lottery"},
        {"kind": "fixed"},
        {"kind": "fixed", "amount": -1},
        {"kind": "per_copy", "amount": "8000"},
        {"kind": "per_page", "tiers": [{"from_page": 2, "amount": 1000}]},
        {"kind": "per_page", "tiers": [{"from_page": 1, "amount": 1000}], "cap_per_copy": -5},
        {"kind": "set_by_council", "amount": 1.5},
        {"kind": "free", "exemptions": ["sinh_vien"]},
        "free",
    ],
)
def test_rule_check_refuses_broken_rules(rule):
    assert rule_errors(rule) != []
    with pytest.raises(ValueError):
        compute_fee(rule)


def test_descriptions_read_as_vietnamese():
    assert describe_fee(parse_fee("0")) == "Miễn phí"
    assert describe_fee(parse_fee("8000 đồng / bản sao")) == "8.000 đ/bản sao"
    assert describe_fee(CERTIFIED_COPY) == (
        "2.000 đ/trang; từ trang 3: 1.000 đ/trang; tối đa 200.000 đ/bản"
    )


def test_council_fee_without_amount_is_described_as_set_by_the_council():
    assert describe_fee(COUNCIL) == COUNCIL_LABEL == "Theo quy định của HĐND thành phố"
    assert describe_fee({**COUNCIL, "amount": 100000}) == "100.000 đ/trường hợp"


def test_description_names_the_exempt_categories():
    rule = {**COUNCIL, "exemptions": ["ho_ngheo"]}
    assert describe_fee(rule) == f"{COUNCIL_LABEL}; miễn cho hộ nghèo"
