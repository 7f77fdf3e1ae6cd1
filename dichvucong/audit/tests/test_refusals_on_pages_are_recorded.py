"""Every refusal on a page is recorded with who and from which address:
a 403, and a 404 for someone logged in on an address that names an object
(the site answers another ward's dossier with 404 so as not to confirm it
exists; for the trail it is a refusal all the same). Ordinary visits and
an anonymous visitor sent to the login page leave nothing."""

from __future__ import annotations

from django.test import Client

from dichvucong.accounts.testing import login_verified
from dichvucong.audit.constants import Action
from dichvucong.audit.middleware import CSRF_DENIAL
from dichvucong.audit.models import AuditEntry
from dichvucong.audit.tests.helpers import ADDRESS, FROM_ADDRESS, only
from dichvucong.backoffice.tests.helpers import action_url, detail_url
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def test_a_ward_b_receptionist_opening_a_ward_a_dossier(client, cast):
    dossier = make_dossier(cast, Status.SUBMITTED)
    AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)  # what setting it up left
    login_verified(client, cast.receptionist_b)
    assert client.get(detail_url(dossier), **FROM_ADDRESS).status_code == 404
    entry = only(Action.ACCESS_DENIED)
    assert (entry.actor, entry.address) == (cast.receptionist_b, ADDRESS)
    assert entry.path == detail_url(dossier)
    assert entry.detail == {"status": 404, "method": "GET"}


def test_a_citizen_at_the_back_office_door(client, cast):
    login_verified(client, cast.applicant)
    assert client.get("/mot-cua/?q=001090012345", **FROM_ADDRESS).status_code == 403
    entry = only(Action.ACCESS_DENIED)
    assert entry.actor == cast.applicant and entry.actor_label == "***345"
    assert entry.path == "/mot-cua/"  # never the query string
    assert entry.detail == {"status": 403, "method": "GET"}


def test_a_form_sent_without_its_csrf_token(cast):
    dossier = make_dossier(cast, Status.SUBMITTED)
    browser = Client(enforce_csrf_checks=True)
    login_verified(browser, cast.receptionist_a)
    response = browser.post(action_url(dossier, "accept"), {}, **FROM_ADDRESS)
    assert response.status_code == 403
    entry = only(Action.ACCESS_DENIED)
    assert (entry.what, entry.actor, entry.address) == (CSRF_DENIAL, cast.receptionist_a, ADDRESS)
    assert entry.detail["csrf"]
    assert not AuditEntry.objects.filter(action=Action.STAFF_ACTION, target=dossier.code)


def test_ordinary_visits_leave_nothing(client, cast):
    dossier = make_dossier(cast, Status.SUBMITTED)
    AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)
    assert client.get(detail_url(dossier)).status_code == 302  # to the login page
    login_verified(client, cast.receptionist_a)
    before = AuditEntry.objects.count()  # the login itself
    assert client.get(detail_url(dossier)).status_code == 200
    assert client.get("/khong-co-trang-nay/").status_code == 404  # names no object
    assert AuditEntry.objects.count() == before
