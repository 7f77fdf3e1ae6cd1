"""Least privilege: the incident pages are for the administrator's role
only; other staff get the door's 403, anonymous visitors the login page,
and a refused request changes nothing."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.breaches.models import IncidentEvent
from dichvucong.breaches.tests.helpers import incident, url
from dichvucong.notifications.models import OutboxMessage

PAGES = ("detail", "edit", "affected_csv", "authority_notice", "authority_pdf")
ACTIONS = ("mark_notified", "send_notices", "close")


@pytest.mark.parametrize("who", ["receptionist_a", "leader_a", "applicant"])
def test_other_accounts_get_403_and_change_nothing(client, cast, admin_user, who) -> None:
    item = incident(admin_user)
    login_verified(client, getattr(cast, who))
    assert client.get("/quan-tri/su-co/").status_code == 403
    for page in PAGES:
        assert client.get(url(page, item)).status_code == 403, page
    for action in ACTIONS:
        assert client.post(url(action, item), {"confirm": "on"}).status_code == 403, action
    assert not IncidentEvent.objects.exists()
    assert not OutboxMessage.objects.filter(dedupe_key__startswith="breach:").exists()
    item.refresh_from_db()
    assert item.status == "open"


def test_anonymous_visitors_are_sent_to_log_in(client, admin_user) -> None:
    item = incident(admin_user)
    response = client.get(url("detail", item))
    assert response.status_code == 302
    assert "/dang-nhap" in response["Location"] or "login" in response["Location"]


def test_an_unknown_incident_is_404_to_the_administrator(client, admin_user) -> None:
    login_verified(client, admin_user)
    assert client.get("/quan-tri/su-co/999999/").status_code == 404
