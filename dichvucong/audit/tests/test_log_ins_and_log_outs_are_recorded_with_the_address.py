"""A login and a logout through the pages leave one entry each: who, when,
from which address. A citizen's account name (the ID number) is masked."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.audit.tests.helpers import ADDRESS, FROM_ADDRESS, LOGIN, PASSWORD, only


def test_a_clerk_logs_in_and_out(client, cast):
    response = client.post(LOGIN, {"username": "tiepnhan.a", "password": PASSWORD}, **FROM_ADDRESS)
    assert response.status_code == 302
    login = only(Action.LOGIN)
    assert (login.actor, login.address, login.path) == (cast.receptionist_a, ADDRESS, LOGIN)

    client.post(reverse("accounts:logout"), **FROM_ADDRESS)
    logout = only(Action.LOGOUT)
    assert (logout.actor, logout.address) == (cast.receptionist_a, ADDRESS)
    assert logout.at >= login.at
    # The two requests left no other entry (no "staff form sent" beside them).
    assert AuditEntry.objects.count() == 2


def test_a_citizens_login_keeps_only_the_end_of_the_id_number(client, cast):
    client.post(LOGIN, {"username": "001090012345", "password": PASSWORD}, **FROM_ADDRESS)
    login = only(Action.LOGIN)
    assert login.actor == cast.applicant and login.actor_label == "***345"


def test_behind_a_trusted_proxy_the_forwarded_address_is_kept(client, cast, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.post(
        LOGIN,
        {"username": "tiepnhan.a", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9",
    )
    assert only(Action.LOGIN).address == "203.0.113.9"
