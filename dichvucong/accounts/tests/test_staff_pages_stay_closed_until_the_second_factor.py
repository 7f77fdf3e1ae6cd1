"""Every staff role, and the admin site, waits for the second factor:
the password alone opens no back-office, outreach, internal report or
admin page, and the API takes such a session for no session."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.accounts.testing import login_verified

VERIFY = reverse("accounts:two_factor")
STAFF_PAGES = ["/mot-cua/", "/tuyen-truyen/", "/thong-ke/noi-bo/", "/quan-tri/", "/tai-khoan/"]


@pytest.fixture
def officer_with_role(cast):  # type: ignore[no-untyped-def]
    return cast.receptionist_a


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_a_password_only_staff_session_is_sent_to_the_second_factor(
    client, officer_with_role, path
):
    client.force_login(officer_with_role)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next={path.replace('/', '%2F')}"


@pytest.mark.parametrize(
    "role", [Role.SPECIALIST, Role.LEADER, Role.EDUCATION_OFFICE, Role.SCHOOL_COORDINATOR,
             Role.DISTRICT_LEADERSHIP, Role.ADMINISTRATOR],
)
def test_every_staff_role_needs_it(client, cast, role):
    user = User.objects.create_user(username=f"x.{role}", password="x", kind=AccountKind.STAFF)
    StaffRole.objects.create(user=user, role=role, agency=cast.agency_a)
    client.force_login(user)
    assert client.get("/mot-cua/")["Location"].startswith(VERIFY)


def test_an_admin_site_user_of_any_kind_needs_it(client, cast):
    cast.applicant.is_staff = True
    cast.applicant.save()
    client.force_login(cast.applicant)
    assert client.get("/quan-tri/")["Location"].startswith(VERIFY)


def test_the_api_takes_an_unverified_staff_session_for_none(client, officer_with_role):
    client.force_login(officer_with_role)
    response = client.get("/api/v1/applicant/dossiers")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_a_post_is_not_replayed_after_the_second_factor(client, officer_with_role):
    client.force_login(officer_with_role)
    response = client.post("/mot-cua/", {})
    assert response["Location"] == VERIFY


def test_log_out_still_works(client, officer_with_role):
    client.force_login(officer_with_role)
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_citizens_are_never_asked(client, cast):
    client.force_login(cast.applicant)
    assert client.get("/ho-so/").status_code == 200


def test_a_verified_session_opens_the_back_office(client, officer_with_role):
    login_verified(client, officer_with_role)
    assert client.get("/mot-cua/").status_code == 200


def test_verified_is_remembered_for_the_session_only(client, officer_with_role):
    login_verified(client, officer_with_role)
    client.logout()
    client.force_login(officer_with_role)
    assert client.get("/mot-cua/")["Location"].startswith(VERIFY)
