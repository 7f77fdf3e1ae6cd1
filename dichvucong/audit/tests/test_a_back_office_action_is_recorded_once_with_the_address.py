"""A one-stop action, on the back-office page or through the staff API,
leaves one entry in the trail: the dossier event log says what happened to
the dossier, the trail adds who, from which address, and keeps it beside
the non-dossier actions. A refused attempt is recorded as an attempt."""

from __future__ import annotations

from django.test import Client

from dichvucong.accounts.testing import login_verified
from dichvucong.api.tests.helpers import send
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.audit.tests.helpers import ADDRESS, FROM_ADDRESS
from dichvucong.backoffice.tests.helpers import action_url
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def staff_entries(target: str = "") -> list[AuditEntry]:
    entries = AuditEntry.objects.filter(action=Action.STAFF_ACTION)
    return list(entries.filter(target=target) if target else entries)


def test_an_accept_on_the_back_office_page(client, cast):
    dossier = make_dossier(cast, Status.SUBMITTED)
    AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)
    login_verified(client, cast.receptionist_a)
    response = client.post(action_url(dossier, "accept"), {}, **FROM_ADDRESS)
    assert response.status_code == 302
    dossier.refresh_from_db()
    [entry] = staff_entries()
    assert (entry.actor, entry.target) == (cast.receptionist_a, dossier.code)
    assert entry.address == ADDRESS
    assert entry.path == action_url(dossier, "accept")
    assert entry.what == "Chuyển trạng thái: Được tiếp nhận"
    assert entry.detail == {
        "event": dossier.event_count, "kind": "status",
        "from": Status.SUBMITTED, "to": Status.ACCEPTED,
    }


def test_an_accept_through_the_staff_api(cast, keys):
    dossier = make_dossier(cast, Status.SUBMITTED)
    response = send(
        Client(), "POST", f"/staff/dossiers/{dossier.public_id}/accept", {},
        **keys.receptionist_a.headers, **FROM_ADDRESS,
    )
    assert response.status_code == 200, response.content
    [entry] = staff_entries(dossier.code)
    assert entry.actor == keys.receptionist_a.user
    assert entry.address == ADDRESS and entry.what.endswith("Được tiếp nhận")


def test_the_applicants_own_steps_are_not_staff_actions(cast):
    make_dossier(cast, Status.SUBMITTED)  # the applicant's draft, upload and submission
    assert staff_entries() == []


def test_a_refused_attempt_is_recorded_as_what_was_sent(client, cast):
    dossier = make_dossier(cast, Status.ACCEPTED)  # accepting again cannot work
    AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)
    login_verified(client, cast.receptionist_a)
    client.post(action_url(dossier, "accept"), {}, **FROM_ADDRESS)
    [entry] = staff_entries()
    assert entry.what == "Gửi thao tác: backoffice:action"
    assert entry.target == f"public_id={dossier.public_id} action=accept"
    assert entry.detail["status"] == 302 and entry.address == ADDRESS
