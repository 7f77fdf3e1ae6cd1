from __future__ import annotations

import logging

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage


def test_acceptance_goes_by_zns_with_its_template_and_data_and_no_sms(
    zalo_citizen, zalo, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.INFO)
    cast = zalo_citizen
    dossier = make_dossier(cast)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.accept(dossier, cast.receptionist_a)
    dossier.refresh_from_db()
    event = dossier.events.latest("seq")
    message = OutboxMessage.objects.get(dedupe_key=f"{event.pk}:zalo:applicant")
    assert (message.status, message.delivered_by) == (MessageStatus.SENT, Channel.ZALO)
    assert not OutboxMessage.objects.filter(dedupe_key=f"{event.pk}:sms:applicant").exists()
    assert zalo.sent == [
        {
            "phone": "84912345678",
            "template_id": "231001",
            "template_data": {
                "ma_ho_so": dossier.code,
                "trang_thai": "Được tiếp nhận",
                "ngay_hen": f"{dossier.due_date:%d/%m/%Y}",
            },
            "tracking_id": str(message.pk),
        }
    ]
    assert "SMS to" not in caplog.text
    assert "912345678" not in caplog.text


def test_a_status_without_its_own_template_uses_the_default_one(zalo_citizen, zalo):
    from dichvucong.notifications.sending import send_message

    dossier = make_dossier(zalo_citizen)
    message = OutboxMessage.objects.get(dossier=dossier, channel=Channel.ZALO)
    assert send_message(message.pk) is True
    [sent] = zalo.sent
    assert sent["template_id"] == "231000"
    assert sent["template_data"] == {"ma_ho_so": dossier.code, "trang_thai": dossier.status_text}
