from __future__ import annotations

import socket
from datetime import UTC, datetime

import time_machine
from django.utils import timezone

from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.notifications.sending import drain_outbox, send_message
from dichvucong.notifications.tests.test_a_phone_zalo_refuses_falls_back_to_sms_once import (
    RecordingSms,
)


def _closed_port() -> int:
    """A local port nobody listens on: connections to it are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _message(cast) -> OutboxMessage:
    return OutboxMessage.objects.get(dossier=make_dossier(cast), channel=Channel.ZALO)


def test_zalo_answering_503_is_retried_with_backoff_and_sent_once(zalo_citizen, zalo, settings):
    settings.SMS_PROVIDER = f"{__name__}.RecordingSms"
    RecordingSms.sent = []
    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        message = _message(zalo_citizen)
        zalo.down = True
        assert send_message(message.pk) is False
        message.refresh_from_db()
        assert (message.status, message.attempts) == (MessageStatus.PENDING, 1)
        assert message.last_error == "ZaloUnavailable: HTTP 503"
        zalo.down = False
        drain_outbox()
        assert zalo.sent == [], "retried before its back-off"
        clock.shift(message.next_attempt_at - timezone.now())
        drain_outbox()
        drain_outbox()
        assert send_message(message.pk) is False
    message.refresh_from_db()
    assert (message.status, message.delivered_by) == (MessageStatus.SENT, Channel.ZALO)
    assert len(zalo.sent) == 1 and RecordingSms.sent == []


def test_zalo_unreachable_for_every_zalo_attempt_goes_by_sms_once(zalo_citizen, zalo, settings):
    settings.SMS_PROVIDER = f"{__name__}.RecordingSms"
    RecordingSms.sent = []
    settings.ZALO_ZNS_URL = f"http://127.0.0.1:{_closed_port()}/message/template"
    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        message = _message(zalo_citizen)
        assert send_message(message.pk) is False
        for _ in range(4):
            message.refresh_from_db()
            clock.shift(message.next_attempt_at - timezone.now())
            drain_outbox()
    message.refresh_from_db()
    assert (message.status, message.delivered_by) == (MessageStatus.SENT, Channel.SMS)
    assert message.attempts == 2  # two failures, the third attempt went by SMS
    assert message.zalo_error.startswith("URLError")
    assert RecordingSms.sent == ["0912345678"]
    assert zalo.sent == []
