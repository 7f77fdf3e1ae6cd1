"""Someone the system does not know logs in with the national e-ID: an
account is made from the provider's claims (name, date of birth, ID
number, address, phone), at the national e-ID level, without a password,
and the next log-in with the same e-ID opens the same account."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth import SESSION_KEY
from django.test import Client

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import CitizenProfile, NationalEidLink, User
from dichvucong.accounts.tests.vneid_steps import NEW, log_in
from dichvucong.accounts.vneid.standin import StandIn


def test_the_account_is_made_from_the_claims(
    client: Client,
    provider: StandIn,
    units: dict[str, Any],
) -> None:
    response = log_in(client, provider, NEW)

    assert response.status_code == 302
    user = User.objects.get(username=NEW.claims["id_number"])
    assert int(client.session[SESSION_KEY]) == user.pk
    assert user.full_name == "Trần Thị Lan"
    assert not user.has_usable_password()
    profile = CitizenProfile.objects.get(user=user)
    assert profile.id_number == "001194023456"
    assert profile.date_of_birth == date(1994, 11, 2)
    assert profile.address == "Số 8, ngõ 12"
    assert profile.ward == units["ward_a"]  # "Khương Trung" is Phường Khương Trung
    assert profile.phone == "0987001122"
    assert profile.assurance == AssuranceLevel.NATIONAL_EID
    link = NationalEidLink.objects.get(user=user)
    assert (link.issuer, link.subject) == (provider.issuer, "vneid-sub-lan")


def test_the_next_log_in_opens_the_same_account(
    client: Client,
    provider: StandIn,
    units: dict[str, Any],
) -> None:
    log_in(client, provider, NEW)
    first = int(client.session[SESSION_KEY])
    client.logout()

    log_in(client, provider, NEW)

    assert int(client.session[SESSION_KEY]) == first
    assert User.objects.filter(username=NEW.claims["id_number"]).count() == 1
