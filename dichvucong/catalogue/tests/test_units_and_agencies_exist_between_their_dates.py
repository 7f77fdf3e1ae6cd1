from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from dichvucong.catalogue.constants import AgencyKind, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.catalogue.services import units_on

pytestmark = pytest.mark.django_db

LAST_DAY = date(2025, 6, 30)
FIRST_DAY = date(2025, 7, 1)


@pytest.fixture
def city() -> AdminUnit:
    return AdminUnit.objects.create(name="Hà Nội", code="H26", level=UnitLevel.CITY)


def test_a_unit_without_dates_exists_on_every_day(city):
    assert city.is_valid_on(date(1990, 1, 1)) and city.is_valid_on(date(2100, 1, 1))
    assert list(units_on(date(1990, 1, 1))) == [city]


def test_a_ward_ended_by_the_reorganisation_exists_until_its_last_day_only(city):
    old = AdminUnit.objects.create(
        name="Phường Hạ Đình", code="HD", level=UnitLevel.WARD, parent=city, valid_to=LAST_DAY
    )
    new = AdminUnit.objects.create(
        name="Phường Khương Đình",
        code="KD",
        level=UnitLevel.WARD,
        parent=city,
        valid_from=FIRST_DAY,
    )
    assert set(units_on(LAST_DAY)) == {city, old}
    assert set(units_on(FIRST_DAY)) == {city, new}
    assert old.is_valid_on(LAST_DAY) and not old.is_valid_on(FIRST_DAY)
    assert new.is_valid_on(FIRST_DAY) and not new.is_valid_on(LAST_DAY)


def test_an_agency_is_dated_like_its_unit(city):
    committee = Agency.objects.create(
        name="UBND quận Thanh Xuân",
        unit_code="000.00.00.H26",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=city,
        valid_to=LAST_DAY,
    )
    assert list(Agency.objects.valid_on(LAST_DAY)) == [committee]
    assert not Agency.objects.valid_on(FIRST_DAY).exists()


def test_a_unit_cannot_end_before_it_begins(city):
    unit = AdminUnit(
        name="Phường X",
        code="X",
        level=UnitLevel.WARD,
        parent=city,
        valid_from=FIRST_DAY,
        valid_to=LAST_DAY,
    )
    with pytest.raises(ValidationError):
        unit.full_clean()
    with pytest.raises(IntegrityError):
        unit.save()
