from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from dichvucong.accounts.testing import login_verified
from dichvucong.audit.models import AuditEntry
from dichvucong.notifications.models import OutboxMessage
from dichvucong.rights.constants import ANSWER_PERIOD_HOURS, RequestStatus
from dichvucong.rights.models import RightsRequest

PAGE = "/tai-khoan/du-lieu-cua-toi/"


def _file(client, cast):  # type: ignore[no-untyped-def]
    client.force_login(cast.applicant)
    client.post(PAGE + "yeu-cau/", {"kind": "correction", "details": "Ngày sinh sai: 02/03/1990"})
    return RightsRequest.objects.get()


def test_a_correction_is_filed_with_its_legal_due_time_and_a_receipt(client, cast):
    before = timezone.now()
    request = _file(client, cast)
    assert request.account == cast.applicant and request.status == RequestStatus.RECEIVED
    period = timedelta(hours=ANSWER_PERIOD_HOURS["correction"])
    assert before + period <= request.due_at <= timezone.now() + period
    assert request.steps.get().kind == "filed"
    receipt = OutboxMessage.objects.get(dedupe_key=f"rights:{request.pk}:filed:sms")
    assert receipt.recipient == cast.applicant.citizen.phone
    assert "Du lieu cua toi" in receipt.body and "nha truong" not in receipt.body
    assert "Ngày sinh sai" in client.get(PAGE).content.decode()


def test_an_empty_request_is_refused_with_a_message_and_nothing_saved(client, cast):
    client.force_login(cast.applicant)
    response = client.post(PAGE + "yeu-cau/", {"kind": "correction", "details": ""}, follow=True)
    assert "Chưa gửi" in response.content.decode()
    assert not RightsRequest.objects.exists()


def test_the_administrator_answers_with_reasons_and_the_citizen_is_told(
    client, cast, administrator
):
    request = _file(client, cast)
    login_verified(client, administrator)
    queue = client.get("/quyen-du-lieu/").content.decode()
    assert f"/quyen-du-lieu/{request.pk}/" in queue
    url = f"/quyen-du-lieu/{request.pk}/"
    refused = client.post(url, {"status": "granted", "answer": "Đã sửa", "reasons": ""})
    assert refused.status_code == 200
    assert RightsRequest.objects.get().is_open
    client.post(
        url,
        {
            "status": "granted",
            "answer": "Đã sửa ngày sinh",
            "reasons": "Khớp thẻ căn cước (Luật 91/2025/QH15, điều 4)",
        },
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.GRANTED and request.answered_by == administrator
    assert request.answered_at <= request.due_at
    assert [s.kind for s in request.steps.all()] == ["filed", "answered"]
    assert AuditEntry.objects.filter(target=f"rights={request.pk}", actor=administrator).exists()
    assert OutboxMessage.objects.filter(dedupe_key=f"rights:{request.pk}:answered:sms").exists()
    client.force_login(cast.applicant)
    assert "Khớp thẻ căn cước" in client.get(PAGE).content.decode()


def test_an_answer_is_given_once(client, cast, administrator):
    request = _file(client, cast)
    login_verified(client, administrator)
    answer = {"status": "refused", "answer": "Không sửa", "reasons": "Đúng với giấy tờ"}
    client.post(f"/quyen-du-lieu/{request.pk}/", answer)
    client.post(f"/quyen-du-lieu/{request.pk}/", {**answer, "status": "granted"})
    request.refresh_from_db()
    assert request.status == RequestStatus.REFUSED
    assert request.steps.filter(kind="answered").count() == 1


def test_ward_staff_and_citizens_have_no_queue(client, cast):
    request = _file(client, cast)
    assert client.get("/quyen-du-lieu/").status_code == 403
    login_verified(client, cast.receptionist_a)
    assert client.get("/quyen-du-lieu/").status_code == 403
    assert client.get(f"/quyen-du-lieu/{request.pk}/").status_code == 403


def test_an_overdue_request_says_so(client, cast, administrator):
    request = _file(client, cast)
    RightsRequest.objects.filter(pk=request.pk).update(due_at=timezone.now() - timedelta(hours=1))
    login_verified(client, administrator)
    assert "Quá hạn" in client.get("/quyen-du-lieu/").content.decode()
