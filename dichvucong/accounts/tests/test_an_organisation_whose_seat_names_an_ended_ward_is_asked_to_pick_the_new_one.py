"""Issue 15 point 4 for organisations: an organisation whose saved seat
names a ward the 2025 reorganisation ended is asked, as a citizen is and
in the same words, on "Tài khoản" and "Hồ sơ của tôi" to pick the new
ward; "Sửa thông tin" proposes it where the old ward went whole into one
(a split ward leaves the choice to the organisation, which has no
residential group to go by) and offers only today's wards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import OrganisationProfile, User
from dichvucong.accounts.tests.conftest import PASSWORD
from dichvucong.catalogue.models import AdminUnit
from dichvucong.catalogue.tests.reorganisation_sample import load_thanh_xuan_2025

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
AFTER = datetime(2025, 7, 10, 9, 0, tzinfo=HANOI)
BEFORE = datetime(2025, 6, 20, 9, 0, tzinfo=HANOI)
PROMPT = "Địa chỉ của bạn cần cập nhật"
EDIT = reverse("accounts:edit_details")
MERGED_WHOLE = "H26.TX.03"  # went whole into Phương Liệt
PHUONG_LIET = "H26.00352"
SPLIT = "H26.TX.01"  # Hạ Đình, split between Khương Đình and Thanh Liệt


def unit(code: str) -> AdminUnit:
    return AdminUnit.objects.get(code=code)


def organisation(tax_code: str, ward: str) -> User:
    user = User.objects.create_user(
        username=tax_code, password=PASSWORD, full_name="Công ty", kind=AccountKind.ORGANISATION
    )
    OrganisationProfile.objects.create(
        user=user,
        name="Công ty TNHH Ánh Dương",
        tax_code=tax_code,
        representative="Lê Văn Minh",
        phone="0912345678",
        address="5 Nguyễn Trãi",
        ward=unit(ward),
    )
    return user


@pytest.fixture
def after() -> Iterator[None]:
    load_thanh_xuan_2025()
    with time_machine.travel(AFTER, tick=False):
        yield


def test_the_account_and_my_dossiers_ask_for_the_new_ward(client, after):
    client.force_login(organisation("0101234567", MERGED_WHOLE))
    for name in ("accounts:profile", "dossiers:mine"):
        page = client.get(reverse(name)).content.decode()
        assert PROMPT in page, name
        assert "Chọn phường mới" in page and EDIT in page


def test_the_new_ward_is_proposed_and_saving_it_ends_the_prompt(client, after):
    user = organisation("0101234567", MERGED_WHOLE)
    client.force_login(user)
    form = client.get(EDIT).context["form"]
    assert form.initial["ward"].code == PHUONG_LIET
    assert unit(MERGED_WHOLE) not in form.fields["ward"].queryset
    refused = client.post(EDIT, {"address": "5 Nguyễn Trãi", "ward": unit(MERGED_WHOLE).pk})
    assert refused.status_code == 200 and PROMPT in refused.content.decode()
    saved = client.post(EDIT, {"address": "5 Nguyễn Trãi", "ward": form.initial["ward"].pk})
    assert saved.status_code == 302
    assert OrganisationProfile.objects.get(user=user).ward.code == PHUONG_LIET
    assert PROMPT not in client.get(reverse("dossiers:mine")).content.decode()


def test_a_split_ward_proposes_nothing_and_asks_all_the_same(client, after):
    client.force_login(organisation("0109876543", SPLIT))
    response = client.get(EDIT)
    assert response.context["form"].initial["ward"] is None
    assert PROMPT in response.content.decode()


def test_before_the_change_nothing_is_asked(client):
    load_thanh_xuan_2025()
    with time_machine.travel(BEFORE, tick=False):
        client.force_login(organisation("0101234567", MERGED_WHOLE))
        assert PROMPT not in client.get(reverse("accounts:profile")).content.decode()
