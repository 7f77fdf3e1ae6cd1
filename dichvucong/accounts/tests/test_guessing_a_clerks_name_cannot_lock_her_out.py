"""The attack of issue 10: staff user names follow a pattern, so anyone
can guess one and fail on it. The clerk must still get in."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from dichvucong.accounts.testing import confirmed_device, totp_code
from dichvucong.accounts.tests.conftest import PASSWORD
from dichvucong.accounts.tests.login_steps import ATTACKER, CLERK_DESK, attempt, fail, logged_in
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry

BOTNET = [f"192.0.2.{n}" for n in range(1, 11)]


@pytest.fixture
def guarded_limits(settings):  # type: ignore[no-untyped-def]
    """Smaller numbers than production's, the same rule."""
    settings.LOGIN_MAX_FAILURES = 10
    settings.LOGIN_ACCOUNT_MAX_FAILURES = 20


def test_many_failures_from_one_address_refuse_only_that_address(client, officer):
    fail(client, officer.username, ATTACKER, 40)
    refused = attempt(client, officer.username, PASSWORD, ATTACKER)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    welcomed = attempt(client, officer.username, PASSWORD, CLERK_DESK)
    assert welcomed.status_code == 302
    assert logged_in(client)


def test_a_distributed_guesser_is_refused_but_a_clean_address_gets_in(
    client, officer, guarded_limits
):
    for address in BOTNET:
        fail(client, officer.username, address, 2)
    # The account is guarded: an address that has failed may not try again,
    # even with the right password ...
    assert attempt(client, officer.username, PASSWORD, BOTNET[0]).status_code == 429
    assert not logged_in(client)
    # ... the clerk's desk, which never failed, gets in.
    assert attempt(client, officer.username, PASSWORD, CLERK_DESK).status_code == 302


def test_a_refused_clerk_passes_with_her_authenticator_code(client, officer):
    device = confirmed_device(officer)
    fail(client, officer.username, ATTACKER, 10)  # she shares the attacker's address
    page = attempt(client, officer.username, PASSWORD, ATTACKER)
    assert page.status_code == 429
    assert 'name="code"' in page.content.decode()
    response = attempt(client, officer.username, PASSWORD, ATTACKER, code=totp_code(device))
    assert response.status_code == 302
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(reverse("accounts:profile")).status_code == 200  # no second prompt
    entry = AuditEntry.objects.filter(action=Action.TWO_FACTOR).latest("at")
    assert "mở khóa đăng nhập" in entry.what
    assert entry.detail == {"outcome": "success"}


def test_without_the_right_code_no_password_is_tried(client, officer):
    confirmed_device(officer)
    fail(client, officer.username, ATTACKER, 10)
    response = attempt(client, officer.username, PASSWORD, ATTACKER, code="000000")
    assert response.status_code == 429
    assert "Mã xác thực không đúng" in response.content.decode()
    assert not logged_in(client)


def test_code_guesses_on_a_locked_login_are_limited_too(client, officer):
    device = confirmed_device(officer)
    fail(client, officer.username, ATTACKER, 10)
    for _ in range(5):
        attempt(client, officer.username, PASSWORD, ATTACKER, code="000000")
    response = attempt(client, officer.username, PASSWORD, ATTACKER, code=totp_code(device))
    assert response.status_code == 429
    assert not logged_in(client)


def test_a_citizen_has_no_code_to_pass_a_lock_with(client, citizen):
    fail(client, citizen.username, ATTACKER, 10)
    response = attempt(client, citizen.username, PASSWORD, ATTACKER, code="123456")
    assert response.status_code == 429
    assert not logged_in(client)


def test_a_refusal_is_recorded_once_per_lock_without_the_name(client, officer):
    fail(client, officer.username, ATTACKER, 15)
    entries = AuditEntry.objects.filter(action=Action.ACCESS_DENIED)
    assert entries.count() == 1
    entry = entries.get()
    assert entry.detail["limit"] == "login-pair"
    assert entry.address == ATTACKER
    assert officer.username not in f"{entry.what} {entry.detail} {entry.actor_label}"
