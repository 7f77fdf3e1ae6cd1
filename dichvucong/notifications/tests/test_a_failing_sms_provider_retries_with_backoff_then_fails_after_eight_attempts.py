from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine
from django.utils import timezone

from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.notifications.sending import drain_outbox, send_message


class BrokenSmsProvider:
    calls = 0

    def send(self, phone: str, text: str) -> None:
        BrokenSmsProvider.calls += 1
        # Gateways echo the number in their errors; it must not be kept.
        raise ConnectionError(f"gateway refused {phone}")


def test_a_failing_sms_provider_retries_with_backoff_then_fails_after_8(cast, settings):
    settings.SMS_PROVIDER = f"{__name__}.BrokenSmsProvider"
    BrokenSmsProvider.calls = 0
    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        dossier = make_dossier(cast)
        sms = OutboxMessage.objects.get(dossier=dossier, channel=Channel.SMS)
        assert send_message(sms.pk) is False
        waits = []
        for attempt in range(2, 9):
            sms.refresh_from_db()
            wait = sms.next_attempt_at - timezone.now()
            waits.append(wait.total_seconds())
            clock.shift(wait - timedelta(seconds=1))
            drain_outbox()
            assert BrokenSmsProvider.calls == attempt - 1, "retried before its time"
            clock.shift(timedelta(seconds=1))
            drain_outbox()
            assert BrokenSmsProvider.calls == attempt
        assert waits == [60, 120, 240, 480, 960, 1920, 3600]
        sms.refresh_from_db()
        assert (sms.status, sms.attempts) == (MessageStatus.FAILED, 8)
        clock.shift(timedelta(days=1))
        drain_outbox()
    assert BrokenSmsProvider.calls == 8
    assert sms.last_error == "ConnectionError: gateway refused ***"
    assert sms.sent_at is None
