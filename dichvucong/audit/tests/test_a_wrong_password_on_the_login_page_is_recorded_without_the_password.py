"""A failed login through the login page leaves an entry with the address
and the account tried, and neither the password nor, for a name that is
no account, what was typed."""

from __future__ import annotations

from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.audit.tests.helpers import FROM_ADDRESS, LOGIN, everything_kept, only

WRONG = "Sai-mat-khau-2026"


def test_a_wrong_password_for_a_clerk_is_filed_under_the_clerks_account(client, cast):
    response = client.post(LOGIN, {"username": "tiepnhan.a", "password": WRONG}, **FROM_ADDRESS)
    assert response.status_code == 200  # the form again, with its message
    entry = only(Action.LOGIN_FAILED)
    assert entry.actor == cast.receptionist_a
    assert (entry.actor_label, entry.address, entry.path) == ("tiepnhan.a", "198.51.100.7", LOGIN)
    assert entry.detail == {"account_exists": True}
    assert WRONG not in everything_kept()


def test_a_citizens_id_number_is_kept_masked(client, cast):
    client.post(LOGIN, {"username": "0010 9001 2345", "password": WRONG}, **FROM_ADDRESS)
    entry = only(Action.LOGIN_FAILED)
    assert entry.actor == cast.applicant and entry.actor_label == "***345"
    assert "001090012345" not in everything_kept()


def test_a_name_that_is_no_account_is_kept_masked(client, cast):
    # Someone typed the password into the user name box.
    client.post(LOGIN, {"username": "Hoa-sen-no-2025", "password": WRONG}, **FROM_ADDRESS)
    entry = only(Action.LOGIN_FAILED)
    assert entry.actor is None and entry.actor_label == "Ho***"
    assert entry.detail == {"account_exists": False}
    kept = everything_kept()
    assert "Hoa-sen-no-2025" not in kept and WRONG not in kept


def test_the_admin_has_no_login_page_of_its_own_to_get_round_the_record(client, cast):
    """The admin sends people to the site's log-in, so every failure goes
    through the one page that records (and counts) it."""
    response = client.post(
        "/quan-tri/login/", {"username": "lanhdao.a", "password": WRONG}, **FROM_ADDRESS
    )
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert not AuditEntry.objects.filter(action=Action.LOGIN_FAILED).exists()
    client.post(LOGIN, {"username": "lanhdao.a", "password": WRONG}, **FROM_ADDRESS)
    assert only(Action.LOGIN_FAILED).actor == cast.leader_a
