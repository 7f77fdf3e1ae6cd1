"""Finishing checks completeness as a submission would, records the
pupil's achievement once, and issues no code: no event, no message."""

from __future__ import annotations

import time_machine
from django.urls import reverse
from django.utils import timezone

from dichvucong.dossiers import uploads
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, pdf_upload
from dichvucong.notifications.models import OutboxMessage
from dichvucong.outreach.models import PracticeAttempt
from dichvucong.outreach.tests.helpers_tests.steps import dossier_url, text


def test_finishing_a_practice_records_the_achievement_and_issues_no_code(hc, client) -> None:
    client.force_login(hc.helper)
    client.post(reverse("helpers:practice_start", args=["1.001193"]))
    dossier = Dossier.objects.get(is_practice=True)
    attempt = PracticeAttempt.objects.get(dossier=dossier)
    assert attempt.pupil == hc.pupil and attempt.campaign == hc.campaign
    finish = reverse("helpers:practice_finish", args=[dossier.public_id])

    # Incomplete: the check page lists what is missing, nothing is recorded.
    response = client.post(finish, follow=True)
    assert "Bài thực hành chưa đủ" in text(response)
    assert "Chưa tải lên giấy tờ bắt buộc: Giấy chứng sinh." in text(response)
    attempt.refresh_from_db()
    assert attempt.completed_at is None

    Dossier.objects.filter(pk=dossier.pk).update(form_data=dict(BIRTH_FORM_DATA))
    document = hc.cast.procedure.documents.get(required=True)
    uploads.add_attachment(dossier, hc.helper, pdf_upload(), document=document)
    # This morning: within the campaign's school year (the cast's), when
    # practice counts, and after the form's date of birth.
    day = timezone.localdate()
    with time_machine.travel(f"{day.isoformat()} 09:00 +0700", tick=False):
        response = client.post(finish)
    assert response.url == finish
    page = text(client.get(finish))
    assert "Chúc mừng em đã hoàn thành bài thực hành!" in page
    assert f"09:00 {day:%d/%m/%Y}" in page

    client.post(finish)  # finishing again changes nothing
    attempt.refresh_from_db()
    assert attempt.completed_at.isoformat().startswith(f"{day.isoformat()}T02:00")
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT
    assert dossier.code is None and dossier.submitted_at is None
    assert dossier.events.count() == 0
    assert not OutboxMessage.objects.exists()
    assert "Xem lại" in text(client.get(reverse("helpers:practice")))
    assert client.get(dossier_url("detail", dossier)).url == dossier_url("review", dossier)
