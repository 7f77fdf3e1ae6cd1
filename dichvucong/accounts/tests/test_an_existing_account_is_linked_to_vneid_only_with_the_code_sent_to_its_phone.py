"""A national e-ID log-in with the ID number of an existing account does
not open it: a code goes to that account's phone, and only once it is
typed back is the e-ID linked, the account raised to the national e-ID
level and its name, date of birth and address replaced by the claims.
A wrong code links nothing; the code never appears in a URL."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import CitizenProfile, NationalEidLink, User
from dichvucong.accounts.tests.vneid_steps import KNOWN, log_in
from dichvucong.accounts.vneid.standin import StandIn
from dichvucong.outreach.tests.helpers_tests.sms import last_code

LINK = reverse("accounts:vneid_link")


def test_the_account_is_linked_once_its_phone_confirms(
    client: Client,
    provider: StandIn,
    citizen: User,
    sent_sms: list[tuple[str, str]],
    units: dict[str, Any],
) -> None:
    response = log_in(client, provider, KNOWN)

    assert response["Location"] == LINK
    assert SESSION_KEY not in client.session
    assert [phone for phone, _ in sent_sms] == ["0912345678"]  # the account's, not the e-ID's
    page = client.get(LINK)
    assert "09xx***678" in page.content.decode()
    assert "001085012345" not in page.content.decode()

    response = client.post(LINK, {"code": last_code(sent_sms)})

    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == citizen.pk
    assert NationalEidLink.objects.get(user=citizen).subject == "vneid-sub-an"
    citizen.refresh_from_db()
    profile = CitizenProfile.objects.get(user=citizen)
    assert profile.assurance == AssuranceLevel.NATIONAL_EID
    assert profile.address == "Số 3, ngõ 7"
    assert profile.ward == units["ward_b"]
    assert profile.residential_group is None  # Tổ 1 was in the old ward
    assert profile.date_of_birth == date(1985, 3, 25)
    assert profile.phone == "0912345678"  # kept: it was confirmed here
    assert citizen.has_usable_password()  # the old password still works too


def test_a_wrong_code_links_nothing(
    client: Client,
    provider: StandIn,
    citizen: User,
    sent_sms: list[tuple[str, str]],
) -> None:
    log_in(client, provider, KNOWN)
    wrong = "000000" if last_code(sent_sms) != "000000" else "111111"

    response = client.post(LINK, {"code": wrong})

    assert response.status_code == 200
    assert "Mã không đúng" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert not NationalEidLink.objects.exists()
    profile = CitizenProfile.objects.get(user=citizen)
    assert profile.assurance == AssuranceLevel.PHONE_CONFIRMED
    assert profile.address == "12 ngõ 5"


def test_the_link_page_without_a_pending_log_in_leads_to_log_in(client: Client, db: None) -> None:
    response = client.get(LINK)

    assert response["Location"] == reverse("accounts:login")


def test_the_next_log_in_after_linking_opens_the_account_at_once(
    client: Client,
    provider: StandIn,
    citizen: User,
    sent_sms: list[tuple[str, str]],
) -> None:
    log_in(client, provider, KNOWN)
    client.post(LINK, {"code": last_code(sent_sms)})
    client.logout()
    sent_sms.clear()

    response = log_in(client, provider, KNOWN)

    assert response["Location"] != LINK
    assert int(client.session[SESSION_KEY]) == citizen.pk
    assert sent_sms == []
