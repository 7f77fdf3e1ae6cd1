from __future__ import annotations

from datetime import date

import pytest

from dichvucong.catalogue.constants import HandlingLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Field, Procedure, ProcedureHandling
from dichvucong.catalogue.reorganisation import load_reorganisation
from dichvucong.catalogue.services import handling_agency
from dichvucong.catalogue.tests.reorganisation_sample import (
    load_thanh_xuan_2017,
    reorganisation_data,
)

pytestmark = pytest.mark.django_db

LAST_DAY = date(2025, 6, 30)
FIRST_DAY = date(2025, 7, 1)


@pytest.fixture
def procedures() -> tuple[Procedure, Procedure]:
    load_thanh_xuan_2017()
    field = Field.objects.create(name="Hộ tịch")
    birth = Procedure.objects.create(
        code="1.001193",
        name="Đăng ký khai sinh",
        field=field,
        handling_level=HandlingLevel.WARD,
    )
    divorce_record = Procedure.objects.create(
        code="2.000547",
        name="Ghi vào sổ hộ tịch việc ly hôn",
        field=field,
        handling_level=HandlingLevel.DISTRICT,
        agency=Agency.objects.get(name="Phòng Tư pháp"),
    )
    return birth, divorce_record


def ha_dinh_group(number: int) -> AdminUnit:
    return AdminUnit.objects.get(code=f"H26.TX.01.{number:02d}")


def test_without_dates_a_procedure_is_handled_as_before_on_any_day(procedures):
    birth, divorce_record = procedures
    for day in (date(2017, 3, 1), FIRST_DAY):
        assert handling_agency(birth, ha_dinh_group(1), day).name == "UBND phường Hạ Đình"
        assert handling_agency(divorce_record, ha_dinh_group(1), day).name == "Phòng Tư pháp"


def test_a_ward_procedure_goes_to_the_new_ward_that_took_the_applicants_group(procedures):
    birth, _ = procedures
    load_reorganisation(reorganisation_data())
    assert handling_agency(birth, ha_dinh_group(1), LAST_DAY).name == "UBND phường Hạ Đình"
    assert handling_agency(birth, ha_dinh_group(1), FIRST_DAY).name == "UBND phường Khương Đình"
    assert handling_agency(birth, ha_dinh_group(8), FIRST_DAY).name == "UBND phường Thanh Liệt"
    new_committee = handling_agency(birth, ha_dinh_group(1), FIRST_DAY)
    assert new_committee.admin_unit.code == "H26.00364"


def test_a_district_procedure_goes_to_the_ward_from_the_first_of_july(procedures):
    _, divorce_record = procedures
    load_reorganisation(reorganisation_data())
    assert handling_agency(divorce_record, ha_dinh_group(1), LAST_DAY).name == "Phòng Tư pháp"
    assert (
        handling_agency(divorce_record, ha_dinh_group(1), FIRST_DAY).name
        == "UBND phường Khương Đình"
    )


def test_no_one_handles_a_procedure_of_a_dissolved_agency_without_a_dated_rule(procedures):
    _, divorce_record = procedures
    load_reorganisation(reorganisation_data())
    ProcedureHandling.objects.filter(procedure=divorce_record).delete()
    divorce_record = Procedure.objects.get(pk=divorce_record.pk)  # its agency has ended since
    assert handling_agency(divorce_record, ha_dinh_group(1), LAST_DAY).name == "Phòng Tư pháp"
    assert handling_agency(divorce_record, ha_dinh_group(1), FIRST_DAY) is None
