from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.feedback import service
from dichvucong.feedback.tests.helpers import petition
from dichvucong.feedback.views import LOOKUP_FAILURES

pytestmark = pytest.mark.django_db
LOOKUP = reverse("feedback:lookup")


@pytest.mark.parametrize("contact", ["0901234567", "+84 901 234 567", "LAN@example.vn"])
def test_code_and_phone_or_email_show_the_answer(client, cast, contact):
    found, code = petition(cast.agency_a)
    service.answer_petition(found, cast.receptionist_a, "Đã thay bóng đèn ngày 02/03.")

    page = client.post(LOOKUP, {"code": code.lower(), "contact": contact}).content.decode()

    assert "Đã thay bóng đèn ngày 02/03." in page
    assert "Đã trả lời" in page


def test_a_wrong_contact_finds_nothing(client, cast):
    _found, code = petition(cast.agency_a)

    page = client.post(LOOKUP, {"code": code, "contact": "0987654321"}).content.decode()

    assert "Không tìm thấy phản ánh" in page
    assert "Đèn đường hỏng" not in page


def test_repeated_failures_are_throttled(client, cast):
    _found, code = petition(cast.agency_a)
    for _ in range(LOOKUP_FAILURES.limit):
        client.post(LOOKUP, {"code": "AAAA-BBBB-CCCC", "contact": "0901234567"})

    response = client.post(LOOKUP, {"code": code, "contact": "0901234567"})

    assert response.status_code == 429
    assert "Đèn đường hỏng" not in response.content.decode()
