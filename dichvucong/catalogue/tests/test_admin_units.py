from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit, Procedure
from dichvucong.demo import read_master_data
from dichvucong.demo.master import load_master
from dichvucong.demo.store import Tally

pytestmark = pytest.mark.django_db


def unit(name: str, level: str, parent: AdminUnit | None = None) -> AdminUnit:
    return AdminUnit.objects.create(name=name, code=name, level=level, parent=parent)


@pytest.fixture
def city():
    return unit("Hà Nội", UnitLevel.CITY)


def test_the_two_tier_model_puts_a_ward_directly_under_a_city(city):
    ward = AdminUnit(name="Phường Thanh Xuân", code="TX", level=UnitLevel.WARD, parent=city)
    ward.full_clean()


def test_the_three_tier_model_puts_a_ward_under_a_district(city):
    district = unit("Quận Thanh Xuân", UnitLevel.DISTRICT, city)
    AdminUnit(
        name="Phường Khương Mai", code="KM", level=UnitLevel.WARD, parent=district
    ).full_clean()


def test_a_ward_cannot_be_the_parent_of_a_district(city):
    ward = unit("Phường Khương Mai", UnitLevel.WARD, city)
    district = AdminUnit(name="Quận X", code="X", level=UnitLevel.DISTRICT, parent=ward)
    with pytest.raises(ValidationError) as error:
        district.full_clean()
    assert "parent" in error.value.message_dict


def test_a_unit_cannot_sit_under_one_of_its_own_level(city):
    other_city = AdminUnit(name="Hải Phòng", code="HP", level=UnitLevel.CITY, parent=city)
    with pytest.raises(ValidationError):
        other_city.full_clean()


def test_a_residential_group_under_a_ward_has_the_full_name_of_its_chain(city):
    ward = unit("Phường Thanh Xuân", UnitLevel.WARD, city)
    group = unit("Tổ dân phố 1", UnitLevel.GROUP, ward)
    assert group.full_name() == "Tổ dân phố 1, Phường Thanh Xuân, Hà Nội"


# The admin pages, where the administrator keeps the tree.


@pytest.fixture
def administrator(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", password="x")
    login_verified(client, user)
    load_master(read_master_data(), Tally())
    return client


def test_admin_refuses_a_district_under_a_ward(administrator):
    ward = AdminUnit.objects.get(name="Phường Khương Mai")
    response = administrator.post(
        reverse("admin:catalogue_adminunit_add"),
        {
            "name": "Quận sai",
            "code": "SAI",
            "level": UnitLevel.DISTRICT,
            "parent": ward.pk,
        },
    )
    assert response.status_code == 200
    assert "Đơn vị cấp trên phải ở cấp cao hơn." in response.content.decode()
    assert not AdminUnit.objects.filter(code="SAI").exists()


def test_admin_accepts_a_ward_under_the_city(administrator):
    city = AdminUnit.objects.get(level=UnitLevel.CITY)
    response = administrator.post(
        reverse("admin:catalogue_adminunit_add"),
        {
            "name": "Phường Mới",
            "code": "MOI",
            "level": UnitLevel.WARD,
            "parent": city.pk,
        },
    )
    assert response.status_code == 302
    assert AdminUnit.objects.get(code="MOI").parent == city


def test_admin_filters_units_by_parent(administrator):
    ward = AdminUnit.objects.get(name="Phường Khương Mai")
    url = reverse("admin:catalogue_adminunit_changelist")
    response = administrator.get(url, {"parent": ward.pk})
    assert response.status_code == 200
    assert response.context["cl"].result_count == ward.children.count()


@pytest.mark.parametrize(
    "model",
    [
        "catalogue_adminunit",
        "catalogue_agency",
        "catalogue_field",
        "catalogue_procedure",
        "catalogue_calendarday",
        "outreach_school",
    ],
)
def test_admin_lists_and_add_forms_open(administrator, model):
    assert administrator.get(reverse(f"admin:{model}_changelist")).status_code == 200
    assert administrator.get(reverse(f"admin:{model}_add")).status_code == 200


def test_admin_header_is_vietnamese(administrator):
    assert "Quản trị dịch vụ công" in administrator.get(reverse("admin:index")).content.decode()


def procedure_form(field_pk: int, **overrides: str) -> dict[str, object]:
    data = {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "field": field_pk,
        "is_active": "on",
        "handling_level": "ward",
        "online_level": "3",
        "working_days": "0",
        "fee_text": "8000 đồng / bản sao",
        "fee_rule": "",
        "form_schema": "[]",
        "notes": "",
        "result_type": "",
        "min_assurance": "phone_confirmed",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    return {**data, **overrides}


@pytest.fixture
def field_pk():
    from dichvucong.catalogue.models import Field

    return Field.objects.create(name="Hộ tịch").pk


def test_admin_refuses_an_unsound_eform(administrator, field_pk):
    schema = '[{"title": "Bước 1", "fields": [{"name": "Bad Name", "label": "x", "type": "text"}]}]'
    response = administrator.post(
        reverse("admin:catalogue_procedure_add"), procedure_form(field_pk, form_schema=schema)
    )
    assert response.status_code == 200
    assert "tên trường chỉ gồm chữ thường" in response.content.decode()
    assert not Procedure.objects.exists()


def test_admin_reads_an_empty_fee_rule_from_the_wording(administrator, field_pk):
    response = administrator.post(
        reverse("admin:catalogue_procedure_add"), procedure_form(field_pk)
    )
    assert response.status_code == 302
    assert Procedure.objects.get().fee_rule["kind"] == "per_copy"


def test_admin_refuses_a_broken_fee_rule(administrator, field_pk):
    response = administrator.post(
        reverse("admin:catalogue_procedure_add"),
        procedure_form(field_pk, fee_rule='{"kind": "fixed"}'),
    )
    assert response.status_code == 200
    assert not Procedure.objects.exists()
