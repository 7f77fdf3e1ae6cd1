"""Guardians have no login: the school's coordinator files their request
about a pupil, saying who asked, and answers it; the guardian is told by
SMS to the phone on the roster."""

from __future__ import annotations

import json

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.notifications.models import OutboxMessage
from dichvucong.outreach.models import Pupil
from dichvucong.outreach.tests.cast import make_outreach_cast
from dichvucong.outreach.tests.helpers_tests.cast import add_pupil
from dichvucong.rights.models import RightsRequest


@pytest.fixture
def oc(db):  # type: ignore[no-untyped-def]
    return make_outreach_cast()


def _file(client, oc, kind="deletion"):  # type: ignore[no-untyped-def]
    pupil = add_pupil(oc.class_a, "Ngô Thị Mai", oc.group_a)
    login_verified(client, oc.coordinator_a)
    response = client.post(
        f"/quyen-du-lieu/hoc-sinh/{pupil.pk}/",
        {"kind": kind, "details": "Xin xoá dữ liệu của cháu", "on_behalf_of": "Mẹ, gọi điện"},
    )
    return pupil, RightsRequest.objects.get(), response


def test_the_coordinator_files_it_on_the_guardians_behalf_and_the_guardian_is_told(client, oc):
    pupil, request, response = _file(client, oc)
    assert response.status_code == 302
    assert request.pupil == pupil and request.account is None
    assert request.filed_by == oc.coordinator_a and request.on_behalf_of == "Mẹ, gọi điện"
    sms = OutboxMessage.objects.get(dedupe_key=f"rights:{request.pk}:filed:sms")
    assert sms.recipient == pupil.guardian.phone
    # The guardian has no account to look in: the message sends them to the school.
    assert "Hoi nha truong" in sms.body and "Du lieu cua toi" not in sms.body


def test_the_school_hands_the_guardian_a_copy_of_everything_held_about_the_pupil(client, oc):
    pupil, request, _response = _file(client, oc, kind="correction")
    response = client.get(f"/quyen-du-lieu/hoc-sinh/{pupil.pk}/du-lieu.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["pupil"]["full_name"] == "Ngô Thị Mai"
    assert data["guardian"]["phone"] == pupil.guardian.phone
    assert {c["giver"] for c in data["consents"]} == {"Cha mẹ hoặc người giám hộ", "Học sinh"}
    assert data["requests"][0]["id"] == request.pk
    login_verified(client, oc.coordinator_b)
    assert client.get(f"/quyen-du-lieu/hoc-sinh/{pupil.pk}/du-lieu.json").status_code == 404


def test_a_granted_deletion_erases_the_pupil_as_the_roster_does(client, oc):
    pupil, request, _response = _file(client, oc)
    client.post(
        f"/quyen-du-lieu/{request.pk}/",
        {"status": "granted", "answer": "Đã xoá", "reasons": "Theo yêu cầu của phụ huynh"},
    )
    pupil = Pupil.objects.get(pk=pupil.pk)
    assert pupil.is_erased and pupil.full_name != "Ngô Thị Mai"
    assert [s.kind for s in request.steps.all()] == ["filed", "answered", "pupil_erased"]
    request.refresh_from_db()
    assert "cháu" not in request.details and request.on_behalf_of == ""


def test_another_schools_coordinator_sees_neither_the_pupil_nor_the_request(client, oc):
    pupil, request, _response = _file(client, oc)
    login_verified(client, oc.coordinator_b)
    assert client.get(f"/quyen-du-lieu/hoc-sinh/{pupil.pk}/").status_code == 404
    assert client.get(f"/quyen-du-lieu/{request.pk}/").status_code == 404
    assert f"/quyen-du-lieu/{request.pk}/" not in client.get("/quyen-du-lieu/").content.decode()


def test_district_leadership_and_receptionists_are_not_let_in(client, oc):
    pupil, _request, _response = _file(client, oc)
    for user in (oc.leadership, oc.receptionist):
        login_verified(client, user)
        assert client.get(f"/quyen-du-lieu/hoc-sinh/{pupil.pk}/").status_code == 403
        assert client.get("/quyen-du-lieu/").status_code == 403
