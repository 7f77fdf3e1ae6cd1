"""Once an account is linked to the national e-ID, its name, date of
birth and address are the provider's: "Sửa thông tin" shows them but
keeps them whatever the browser sends, and the service refuses a change
from any other caller. The rest (e-mail, residential group) stays the
citizen's, and an account without the e-ID edits everything."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dichvucong.accounts import services
from dichvucong.accounts.models import CitizenProfile, NationalEidLink, User
from dichvucong.accounts.testing import login_verified

EDIT = reverse("accounts:edit_details")


def link(user: User) -> None:
    now = timezone.now()
    NationalEidLink.objects.create(
        user=user, issuer="https://sso.example.vn", subject="s-1", linked_at=now, last_login_at=now
    )


def forged(units: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = {
        "full_name": "Tên Khác",
        "date_of_birth": "01/01/1985",
        "email": "moi@example.vn",
        "address": "99 phố Giả",
        "ward": units["ward_b"].pk,
        "residential_group": units["group_a2"].pk,
    }
    data.update(changes)
    return data


def test_the_page_keeps_the_providers_fields_whatever_is_sent(
    client: Client, citizen: User, units: dict[str, Any]
) -> None:
    link(citizen)
    client.force_login(citizen)
    page = client.get(EDIT).content.decode()
    assert 'name="full_name"' in page and "disabled" in page

    response = client.post(EDIT, forged(units))

    assert response.status_code == 302
    citizen.refresh_from_db()
    profile = CitizenProfile.objects.get(user=citizen)
    assert citizen.full_name == "Nguyễn Văn An"
    assert profile.date_of_birth == date(1985, 3, 25)
    assert profile.address == "12 ngõ 5"
    assert profile.ward == units["ward_a"]
    # What the provider does not say stays the citizen's.
    assert citizen.email == "moi@example.vn"
    assert profile.residential_group == units["group_a2"]


def test_the_service_refuses_a_change_to_the_providers_fields(citizen: User) -> None:
    link(citizen)
    current = services.citizen_details(citizen)

    with pytest.raises(services.RegistrationRefused) as refused:
        services.update_citizen_details(citizen, replace(current, full_name="Tên Khác"))

    assert [error.field for error in refused.value.errors] == ["full_name"]
    citizen.refresh_from_db()
    assert citizen.full_name == "Nguyễn Văn An"


def test_an_account_without_the_e_id_edits_its_details(
    client: Client, citizen: User, units: dict[str, Any]
) -> None:
    client.force_login(citizen)

    response = client.post(
        EDIT, forged(units, ward=units["ward_a"].pk, residential_group=units["group_a2"].pk)
    )

    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.full_name == "Tên Khác"
    assert CitizenProfile.objects.get(user=citizen).address == "99 phố Giả"


def test_an_organisation_edits_only_its_seat_and_staff_have_no_page(
    client: Client, organisation: User, officer: User
) -> None:
    # An organisation's page is its seat's address (issue 15: a seat in an
    # ended ward is corrected here), never a citizen's name or birth date.
    client.force_login(organisation)
    page = client.get(EDIT)
    assert page.status_code == 200
    assert b'name="date_of_birth"' not in page.content
    assert b'name="full_name"' not in page.content

    login_verified(client, officer)
    assert client.get(EDIT).status_code == 404
