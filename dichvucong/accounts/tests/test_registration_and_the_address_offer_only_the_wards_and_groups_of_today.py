"""Hà Nội's 2025 reorganisation (the former quận Thanh Xuân): from
01/07/2025 registration and "Sửa thông tin" offer only the new wards and
their residential groups; a citizen whose saved address names an ended
unit is asked, kindly, to pick the new one (proposed by residential
group), and still sees everything else, dossiers included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.accounts.tests.conftest import PASSWORD
from dichvucong.catalogue.models import AdminUnit
from dichvucong.catalogue.tests.reorganisation_sample import load_thanh_xuan_2025

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
BEFORE = datetime(2025, 6, 20, 9, 0, tzinfo=HANOI)
AFTER = datetime(2025, 7, 10, 9, 0, tzinfo=HANOI)
REGISTER = reverse("accounts:register")
OLD_HA_DINH = "H26.TX.01"
NEW_KHUONG_DINH = "H26.00364"
NEW_GROUP_1 = f"{NEW_KHUONG_DINH}/{OLD_HA_DINH}.01"


@pytest.fixture
def thanh_xuan() -> None:
    load_thanh_xuan_2025()


@pytest.fixture
def resident(thanh_xuan: None) -> User:
    """Registered in 2024 in Hạ Đình, residential group 1, which went to
    the new phường Khương Đình."""
    user = User.objects.create_user(
        username="001085012345",
        password=PASSWORD,
        full_name="Nguyễn Văn An",
        kind=AccountKind.CITIZEN,
    )
    CitizenProfile.objects.create(
        user=user,
        id_number="001085012345",
        date_of_birth=date(1985, 3, 25),
        phone="0912345678",
        address="12 ngõ 5 Hạ Đình",
        ward=unit(OLD_HA_DINH),
        residential_group=unit(f"{OLD_HA_DINH}.01"),
    )
    return user


@pytest.fixture
def after() -> Iterator[None]:
    with time_machine.travel(AFTER, tick=False):
        yield


def unit(code: str) -> AdminUnit:
    return AdminUnit.objects.get(code=code)


def offered_wards(client: Any) -> set[str]:
    form = client.get(REGISTER).context["form"]
    return {ward.code for ward in form.fields["ward"].queryset}


def registration(ward: AdminUnit, group: AdminUnit) -> dict[str, Any]:
    return {
        "full_name": "Phạm Thị Dung",
        "id_number": "001185067890",
        "date_of_birth": "07/11/1985",
        "phone": "0912 345 678",
        "email": "",
        "address": "15 ngõ 2",
        "ward": ward.pk,
        "residential_group": group.pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


def test_before_the_first_of_july_registration_offers_the_old_wards(client, thanh_xuan):
    with time_machine.travel(BEFORE, tick=False):
        wards = offered_wards(client)
    assert OLD_HA_DINH in wards
    assert NEW_KHUONG_DINH not in wards


def test_from_the_first_of_july_registration_offers_only_the_new_wards(client, thanh_xuan, after):
    wards = offered_wards(client)
    assert NEW_KHUONG_DINH in wards
    assert OLD_HA_DINH not in wards
    page = client.get(REGISTER).content.decode()
    assert "Tổ dân phố 1 (Phường Hạ Đình cũ)" in page
    # Ended units stay in the database, for the dossiers of their time.
    assert AdminUnit.objects.filter(code=OLD_HA_DINH).exists()


def test_an_ended_ward_is_refused_and_the_new_one_registers(client, thanh_xuan, after):
    old = client.post(REGISTER, registration(unit(OLD_HA_DINH), unit(f"{OLD_HA_DINH}.01")))
    assert old.status_code == 200
    assert "Vui lòng chọn một mục trong danh sách." in old.content.decode()
    assert not User.objects.filter(username="001185067890").exists()
    new = client.post(REGISTER, registration(unit(NEW_KHUONG_DINH), unit(NEW_GROUP_1)))
    assert new.status_code == 302
    assert User.objects.get(username="001185067890").citizen.ward.code == NEW_KHUONG_DINH


def test_an_old_address_is_asked_for_kindly_on_the_account_and_my_dossiers(client, resident, after):
    client.force_login(resident)
    for name in ("accounts:profile", "dossiers:mine"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert "Địa chỉ của bạn cần cập nhật" in response.content.decode()


def test_the_new_ward_and_group_are_proposed_by_residential_group(client, resident, after):
    client.force_login(resident)
    form = client.get(reverse("accounts:edit_details")).context["form"]
    assert form.initial["ward"].code == NEW_KHUONG_DINH
    assert form.initial["residential_group"].code == NEW_GROUP_1
    saved = client.post(
        reverse("accounts:edit_details"),
        {
            "full_name": "Nguyễn Văn An",
            "date_of_birth": "25/03/1985",
            "email": "",
            "address": "12 ngõ 5",
            "ward": form.initial["ward"].pk,
            "residential_group": form.initial["residential_group"].pk,
        },
    )
    assert saved.status_code == 302
    assert (
        "Địa chỉ của bạn cần cập nhật" not in client.get(reverse("dossiers:mine")).content.decode()
    )


def test_before_the_first_of_july_the_old_address_is_fine(client, resident):
    client.force_login(resident)
    with time_machine.travel(BEFORE, tick=False):
        page = client.get(reverse("accounts:profile")).content.decode()
    assert "Địa chỉ của bạn cần cập nhật" not in page
