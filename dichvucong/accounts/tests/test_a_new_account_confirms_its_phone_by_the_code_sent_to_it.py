"""Registering sends a code to the phone typed; typing it back confirms the
phone. Until then the account is self-declared and says so."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import User
from dichvucong.accounts.tests.identity_steps import (
    CONFIRM,
    MOTHER_ID,
    MOTHER_PHONE,
    code_on_phone,
    confirm,
    level_of,
    register,
)


def test_registration_sends_a_code_and_the_code_confirms_the_phone(client, units, sent_sms):
    response = register(client, units["ward_a"], units["group_a1"])
    assert response["Location"] == CONFIRM
    mother = User.objects.get(username=MOTHER_ID)
    assert level_of(mother) == AssuranceLevel.SELF_DECLARED
    page = client.get(CONFIRM).content.decode()
    assert "09xx***222" in page and MOTHER_PHONE not in page

    response = confirm(client, code_on_phone(sent_sms, MOTHER_PHONE), follow=True)
    assert "Đã xác nhận số điện thoại." in response.content.decode()
    assert level_of(mother) == AssuranceLevel.PHONE_CONFIRMED


def test_the_profile_asks_an_unconfirmed_account_to_confirm(client, units, sent_sms):
    register(client, units["ward_a"], units["group_a1"])
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Chưa xác nhận số điện thoại" in page and "Tự khai" in page
    confirm(client, code_on_phone(sent_sms, MOTHER_PHONE))
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Chưa xác nhận số điện thoại" not in page
    assert "Đã xác nhận số điện thoại" in page


def test_a_resent_code_replaces_the_first(client, units, sent_sms):
    register(client, units["ward_a"], units["group_a1"])
    first = code_on_phone(sent_sms, MOTHER_PHONE)
    client.post(reverse("accounts:confirm_phone_resend"))
    second = code_on_phone(sent_sms, MOTHER_PHONE)
    if first != second:
        assert "Mã không đúng" in confirm(client, first).content.decode()
    confirm(client, second)
    assert level_of(User.objects.get(username=MOTHER_ID)) == AssuranceLevel.PHONE_CONFIRMED


def test_an_organisation_registering_confirms_its_phone_too(client, units, sent_sms):
    data = {
        "name": "Hộ kinh doanh Mai Anh",
        "tax_code": "0109876543001",
        "representative": "Đỗ Thị Mai",
        "phone": "0987333444",
        "email": "maianh@example.vn",
        "address": "3 Khương Trung",
        "ward": units["ward_a"].pk,
        "password1": "Hoa-sen-nở-2025",
        "password2": "Hoa-sen-nở-2025",
    }
    response = client.post(reverse("accounts:register_organisation"), data)
    assert response["Location"] == CONFIRM
    organisation = User.objects.get(username="0109876543-001").organisation
    assert organisation.assurance == AssuranceLevel.SELF_DECLARED
    confirm(client, code_on_phone(sent_sms, "0987333444"))
    organisation.refresh_from_db()
    assert organisation.assurance == AssuranceLevel.PHONE_CONFIRMED
