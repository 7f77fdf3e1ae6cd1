from __future__ import annotations

from datetime import date

import pytest

from dichvucong.catalogue.models import AdminUnit
from dichvucong.catalogue.services import ward_on
from dichvucong.catalogue.tests.reorganisation_sample import load_thanh_xuan_2025

pytestmark = pytest.mark.django_db

BEFORE = date(2024, 6, 1)
BETWEEN = date(2025, 3, 1)  # Kim Giang already in Hạ Đình, districts still there
AFTER = date(2025, 8, 1)


@pytest.fixture
def units() -> dict[str, AdminUnit]:
    load_thanh_xuan_2025()
    return {unit.name: unit for unit in AdminUnit.objects.filter(level="ward")}


def group(ward: AdminUnit, number: int) -> AdminUnit:
    return ward.children.get(code=f"{ward.code}.{number:02d}")


def test_a_ward_that_still_exists_is_its_own_ward(units):
    ha_dinh = units["Phường Hạ Đình"]
    assert ward_on(ha_dinh, BEFORE) == ha_dinh
    assert ward_on(group(ha_dinh, 1), BETWEEN) == ha_dinh


def test_a_merged_ward_is_found_in_its_successor(units):
    assert ward_on(units["Phường Khương Mai"], AFTER).code == "H26.00352"  # Phương Liệt
    assert ward_on(units["Phường Kim Giang"], BETWEEN) == units["Phường Hạ Đình"]


def test_a_split_ward_alone_does_not_say_where_it_went(units):
    assert ward_on(units["Phường Hạ Đình"], AFTER) is None


def test_a_residential_group_of_a_split_ward_says_which_part(units):
    ha_dinh = units["Phường Hạ Đình"]
    assert ward_on(group(ha_dinh, 1), AFTER).name == "Phường Khương Đình"
    assert ward_on(group(ha_dinh, 8), AFTER).name == "Phường Thanh Liệt"
    assert ward_on(group(ha_dinh, 1), AFTER).parent.code == "H26"


def test_a_group_follows_a_merge_then_a_split(units):
    kim_giang_group = group(units["Phường Kim Giang"], 3)
    assert ward_on(kim_giang_group, BETWEEN) == units["Phường Hạ Đình"]
    assert ward_on(kim_giang_group, AFTER).name == "Phường Thanh Liệt"


def test_a_new_ward_did_not_exist_before_the_reorganisation(units):
    new_khuong_dinh = AdminUnit.objects.get(code="H26.00364")
    assert ward_on(new_khuong_dinh, BEFORE) is None
