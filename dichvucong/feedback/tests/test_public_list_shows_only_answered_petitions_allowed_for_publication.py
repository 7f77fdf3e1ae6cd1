from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.feedback import service
from dichvucong.feedback.tests.helpers import petition

pytestmark = pytest.mark.django_db
PUBLIC = reverse("feedback:public_list")


def _answered(cast, subject: str, allow: bool) -> None:
    found, _code = petition(
        cast.agency_a, subject=subject, allow_publication=allow, dossier_code="T.KM-260302-0001"
    )
    service.answer_petition(found, cast.receptionist_a, f"Trả lời: {subject}")


def test_only_answered_petitions_whose_sender_allowed_it_are_public(client, cast):
    _answered(cast, "Công khai và đã trả lời", allow=True)
    _answered(cast, "Đã trả lời nhưng không cho công khai", allow=False)
    petition(cast.agency_a, subject="Cho công khai nhưng chưa trả lời", allow_publication=True)

    page = client.get(PUBLIC).content.decode()

    assert "Công khai và đã trả lời" in page
    assert "Trả lời: Công khai và đã trả lời" in page
    assert "không cho công khai" not in page
    assert "chưa trả lời" not in page


def test_the_public_list_has_no_personal_data(client, cast):
    _answered(cast, "Công khai và đã trả lời", allow=True)

    page = client.get(PUBLIC).content.decode()

    assert "Phạm Thị Lan" not in page
    assert "0901234567" not in page
    assert "lan@example.vn" not in page
    assert "T.KM-260302-0001" not in page
    assert "Lê Tiếp Nhận" not in page


def test_an_answered_then_closed_petition_stays_public(client, cast):
    found, _code = petition(cast.agency_a, subject="Đóng sau khi trả lời", allow_publication=True)
    service.answer_petition(found, cast.receptionist_a, "Đã xử lý.")
    service.close_petition(found, cast.receptionist_a)

    assert "Đóng sau khi trả lời" in client.get(PUBLIC).content.decode()


def test_a_garbage_page_number_is_not_an_error(client, db):
    assert client.get(PUBLIC, {"trang": "abc"}).status_code == 200
