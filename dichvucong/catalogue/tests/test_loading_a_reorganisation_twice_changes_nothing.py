from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict

from dichvucong.catalogue.models import (
    AdminUnit,
    Agency,
    ProcedureHandling,
    SucceedingGroup,
    UnitSuccession,
)
from dichvucong.catalogue.reorganisation import load_reorganisation
from dichvucong.catalogue.tests.reorganisation_sample import (
    DATA_FILE,
    load_thanh_xuan_2017,
    reorganisation_data,
)

pytestmark = pytest.mark.django_db

MODELS = [AdminUnit, Agency, UnitSuccession, SucceedingGroup, ProcedureHandling]


def snapshot() -> dict[str, list[dict[str, object]]]:
    return {
        model.__name__: [model_to_dict(row) for row in model.objects.order_by("pk")]
        for model in MODELS
    }


@pytest.fixture
def thanh_xuan_2017() -> None:
    load_thanh_xuan_2017()


def test_the_command_loads_the_thanh_xuan_file_and_a_second_run_changes_nothing(
    thanh_xuan_2017,
):
    first = StringIO()
    call_command("load_reorganisation", str(DATA_FILE), stdout=first)
    # 7 new wards and the 102 groups of the 11 old ones under them; 20 ward
    # successions and 102 group successions.
    assert "catalogue.AdminUnit created: 109" in first.getvalue()
    assert "catalogue.UnitSuccession created: 122" in first.getvalue()
    after_first = snapshot()
    second = StringIO()
    call_command("load_reorganisation", str(DATA_FILE), stdout=second)
    assert "không có gì thay đổi" in second.getvalue()
    assert snapshot() == after_first


def test_the_old_wards_and_the_district_end_and_the_new_wards_begin(thanh_xuan_2017):
    load_reorganisation(reorganisation_data())
    district = AdminUnit.objects.get(code="H26.TX")
    assert district.valid_to == date(2025, 6, 30)
    assert all(agency.valid_to == date(2025, 6, 30) for agency in district.agencies.all())
    assert AdminUnit.objects.get(name="Phường Kim Giang").valid_to == date(2024, 12, 31)
    old_wards = AdminUnit.objects.filter(parent=district)
    assert old_wards.count() == 11 and not old_wards.valid_on(date(2025, 7, 1)).exists()
    new_wards = AdminUnit.objects.filter(
        code__in=[w["code"] for w in reorganisation_data()["new_wards"]]
    )
    assert {ward.name for ward in new_wards} == {
        "Phường Thanh Xuân",
        "Phường Khương Đình",
        "Phường Phương Liệt",
        "Phường Tương Mai",
        "Phường Yên Hòa",
        "Phường Đại Mỗ",
        "Phường Thanh Liệt",
    }
    assert all(w.valid_from == date(2025, 7, 1) and w.parent.code == "H26" for w in new_wards)
    assert all(ward.agencies.count() == 2 for ward in new_wards)


def test_a_changed_file_is_brought_in_and_only_that_changes(thanh_xuan_2017):
    data = reorganisation_data()
    load_reorganisation(data)
    data["new_wards"][0]["name"] = "Phường Thanh Xuân (sửa)"
    assert load_reorganisation(data) == {"catalogue.AdminUnit updated": 1}
