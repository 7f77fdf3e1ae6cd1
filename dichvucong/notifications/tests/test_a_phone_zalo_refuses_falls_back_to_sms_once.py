from __future__ import annotations

import logging

from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.notifications.sending import drain_outbox, send_message


class RecordingSms:
    sent: list[str] = []

    def send(self, phone: str, text: str) -> None:
        RecordingSms.sent.append(phone)


def test_a_refused_phone_gets_the_same_message_by_sms_once(zalo_citizen, zalo, settings, caplog):
    caplog.set_level(logging.INFO)
    settings.SMS_PROVIDER = f"{__name__}.RecordingSms"
    RecordingSms.sent = []
    zalo.refused_phones.add("84912345678")
    dossier = make_dossier(zalo_citizen)
    message = OutboxMessage.objects.get(dossier=dossier, channel=Channel.ZALO)
    assert send_message(message.pk) is True
    assert RecordingSms.sent == ["0912345678"]
    assert zalo.sent == []
    message.refresh_from_db()
    assert (message.status, message.delivered_by) == (MessageStatus.SENT, Channel.SMS)
    assert message.zalo_error == "ZNS error -108"
    assert message.attempts == 0
    drain_outbox()
    assert send_message(message.pk) is False
    assert RecordingSms.sent == ["0912345678"]
    assert "912345678" not in caplog.text
    assert f"notification {message.pk}: Zalo gave up (ZNS error -108)" in caplog.text


def test_a_failing_sms_after_zalo_refused_retries_by_sms_not_zalo(zalo_citizen, zalo, settings):
    settings.SMS_PROVIDER = "dichvucong.notifications.tests.no_such_module.Provider"
    zalo.refused_phones.add("84912345678")
    message = OutboxMessage.objects.get(dossier=make_dossier(zalo_citizen), channel=Channel.ZALO)
    assert send_message(message.pk) is False
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.PENDING, 1)
    assert message.zalo_error == "ZNS error -108"
    zalo.refused_phones.clear()
    settings.SMS_PROVIDER = f"{__name__}.RecordingSms"
    RecordingSms.sent = []
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=message.created_at)
    assert send_message(message.pk) is True
    assert zalo.sent == [] and RecordingSms.sent == ["0912345678"]
