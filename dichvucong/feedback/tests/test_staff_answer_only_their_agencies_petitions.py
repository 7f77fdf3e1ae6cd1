from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.feedback.constants import PetitionStatus
from dichvucong.feedback.tests.helpers import district_one_stop, petition

pytestmark = pytest.mark.django_db
MANAGE = reverse("feedback:manage")


def _detail(found) -> str:
    return reverse("feedback:manage_detail", args=[found.public_id])


def test_staff_of_the_agency_answer_and_who_and_when_are_recorded(client, cast):
    found, _code = petition(cast.agency_a)
    login_verified(client, cast.specialist_a)

    assert found.subject in client.get(MANAGE).content.decode()
    response = client.post(_detail(found), {"action": "answer", "answer": "Đã xử lý."})

    assert response.status_code == 302
    found.refresh_from_db()
    assert found.status == PetitionStatus.ANSWERED
    assert found.answer == "Đã xử lý."
    assert found.answered_by == cast.specialist_a
    assert found.answered_at is not None


def test_staff_of_another_agency_get_404_and_change_nothing(client, cast):
    found, _code = petition(cast.agency_a)
    login_verified(client, cast.receptionist_b)

    assert found.subject not in client.get(MANAGE).content.decode()
    assert client.get(_detail(found)).status_code == 404
    response = client.post(_detail(found), {"action": "answer", "answer": "Không phải của tôi"})

    assert response.status_code == 404
    found.refresh_from_db()
    assert found.status == PetitionStatus.RECEIVED


def test_unaddressed_petitions_go_to_the_district_one_stop_only(client, cast):
    found, _code = petition(None, subject="Không rõ cơ quan")
    one_stop = district_one_stop(cast)

    login_verified(client, cast.receptionist_a)
    assert client.get(_detail(found)).status_code == 404
    login_verified(client, one_stop)
    assert "Không rõ cơ quan" in client.get(MANAGE).content.decode()
    assert client.get(_detail(found)).status_code == 200


def test_citizens_have_no_management_page(client, cast):
    client.force_login(cast.applicant)

    assert client.get(MANAGE).status_code == 404


def test_an_answer_is_given_once(client, cast):
    found, _code = petition(cast.agency_a)
    login_verified(client, cast.receptionist_a)
    client.post(_detail(found), {"action": "answer", "answer": "Lần một."})

    response = client.post(_detail(found), {"action": "answer", "answer": "Lần hai."}, follow=True)

    found.refresh_from_db()
    assert found.answer == "Lần một."
    assert "đã được trả lời hoặc đã đóng" in response.content.decode()


def test_closing_without_an_answer_needs_a_reason(client, cast):
    found, _code = petition(cast.agency_a)
    login_verified(client, cast.receptionist_a)

    refused = client.post(_detail(found), {"action": "close", "note": ""}, follow=True)
    found.refresh_from_db()
    assert found.status == PetitionStatus.RECEIVED
    assert "Vui lòng ghi lý do" in refused.content.decode()

    client.post(_detail(found), {"action": "close", "note": "Trùng phản ánh trước."})
    found.refresh_from_db()
    assert found.status == PetitionStatus.CLOSED
    assert found.closed_by == cast.receptionist_a
