from __future__ import annotations

import logging

from django.conf import settings

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import MessageStatus
from dichvucong.notifications.models import OutboxMessage


def test_email_and_sms_go_out_once_the_change_commits(
    cast, django_capture_on_commit_callbacks, mailoutbox, caplog
):
    caplog.set_level(logging.INFO)
    dossier = make_dossier(cast)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.accept(dossier, cast.receptionist_a)
        assert mailoutbox == []
    dossier.refresh_from_db()
    [email] = mailoutbox
    assert email.to == [cast.applicant.email]
    assert email.subject == f"[Dịch vụ công] Hồ sơ {dossier.code}: Được tiếp nhận"
    assert email.body.startswith("Kính gửi ông/bà Nguyễn Văn Bình,")
    assert f"Ngày hẹn trả kết quả: {dossier.due_date:%d/%m/%Y}." in email.body
    assert f"{settings.SITE_URL}/tra-cuu/?ma={dossier.code}" in email.body
    assert f"SMS to 09xx***678: DVC: Ho so {dossier.code}: Duoc tiep nhan." in caplog.text
    event = dossier.events.latest("seq")
    rows = OutboxMessage.objects.filter(dedupe_key__startswith=f"{event.pk}:")
    assert [row.status for row in rows] == [MessageStatus.SENT] * 2
    assert all(row.sent_at is not None for row in rows)


def test_a_dossier_without_email_gets_the_sms_only(
    cast, django_capture_on_commit_callbacks, mailoutbox, caplog
):
    caplog.set_level(logging.INFO)
    dossier = make_dossier(cast)
    type(dossier).objects.filter(pk=dossier.pk).update(applicant_email="")
    dossier.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.accept(dossier, cast.receptionist_a)
    assert mailoutbox == []
    assert "SMS to 09xx***678" in caplog.text
