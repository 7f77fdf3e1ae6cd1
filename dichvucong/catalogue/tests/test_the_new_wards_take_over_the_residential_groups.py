from __future__ import annotations

from datetime import date

import pytest

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.catalogue.services import groups_of_ward, unit_on, units_on, ward_on
from dichvucong.catalogue.tests.reorganisation_sample import load_thanh_xuan_2025

pytestmark = pytest.mark.django_db

LAST_DAY = date(2025, 6, 30)
FIRST_DAY = date(2025, 7, 1)


@pytest.fixture
def old_groups() -> list[AdminUnit]:
    load_thanh_xuan_2025()
    return list(AdminUnit.objects.filter(level=UnitLevel.GROUP, parent__parent__code="H26.TX"))


def test_each_old_group_is_one_group_of_the_new_ward_that_took_it(old_groups):
    assert len(old_groups) == 102
    for old in old_groups:
        new = unit_on(old, FIRST_DAY)
        assert old.valid_to == LAST_DAY
        assert new is not None and new.parent == ward_on(old, FIRST_DAY), old.code
        assert new.name == f"{old.name} ({old.parent.name} cũ)"
        assert unit_on(old, LAST_DAY) == old


def test_the_units_of_the_first_of_july_hang_from_units_of_that_day(old_groups):
    today = set(units_on(FIRST_DAY))
    assert not today & set(old_groups)
    assert all(unit.parent is None or unit.parent in today for unit in today)


def test_a_new_ward_holds_the_groups_listed_for_it(old_groups):
    khuong_mai = AdminUnit.objects.get(name="Phường Khương Mai")
    phuong_liet = AdminUnit.objects.get(code="H26.00352")
    carried = {group.name for group in groups_of_ward(phuong_liet, FIRST_DAY)}
    assert {f"{g.name} (Phường Khương Mai cũ)" for g in khuong_mai.children.all()} <= carried
    assert groups_of_ward(khuong_mai, FIRST_DAY) == []
