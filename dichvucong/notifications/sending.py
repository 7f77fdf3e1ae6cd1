"""Sending outbox messages: claim, send, mark; or count the failure and
retry later with backoff.

A message is claimed with a conditional update pending -> sending, so of
two workers given the same id only one sends it, and a sent message is
never claimed again.

A Zalo message (a citizen who chose Zalo) goes by ZNS until Zalo refuses
it (an error that is not the token) or it has failed ZALO_MAX_ATTEMPTS
times; then `zalo_error` is written on the row and from that attempt on
it goes by SMS only, so no message goes out by both. `delivered_by` says
which channel carried it.

The one case where a message can go out twice is a
worker dying (or hanging past SENDING_LEASE) after the provider accepted
the message and before the row was marked sent: the drain cannot tell
that from a send that never happened, and sends again rather than never.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.db.models import F
from django.utils import timezone

from dichvucong.notifications import sms, zalo
from dichvucong.notifications.constants import (
    MAX_ATTEMPTS,
    RETRY_BASE,
    RETRY_CAP,
    SENDING_LEASE,
    ZALO_MAX_ATTEMPTS,
    Channel,
    MessageStatus,
)
from dichvucong.notifications.masking import scrub
from dichvucong.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)


def send_message(message_id: int) -> bool:
    """Send one message if it is due and nobody else has it. True if it
    was sent now; False if not due, already taken, or failed this time."""
    if not _claim(message_id):
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        delivered_by = _deliver(message)
    except Exception as error:
        _record_failure(message, error)
        return False
    OutboxMessage.objects.filter(pk=message_id, status=MessageStatus.SENDING).update(
        status=MessageStatus.SENT, sent_at=timezone.now(), last_error="", delivered_by=delivered_by
    )
    logger.info("notification %s sent by %s", message_id, delivered_by)
    return True


def _claim(message_id: int) -> bool:
    now = timezone.now()
    claimed = OutboxMessage.objects.filter(
        pk=message_id,
        status=MessageStatus.PENDING,
        next_attempt_at__lte=now,
    ).update(status=MessageStatus.SENDING, next_attempt_at=now + SENDING_LEASE)
    return claimed == 1


def _deliver(message: OutboxMessage) -> str:
    """Send by the message's channel; the channel that carried it."""
    if message.channel == Channel.EMAIL:
        send_mail(message.subject, message.body, None, [message.recipient])
        return Channel.EMAIL
    if message.channel == Channel.ZALO and not message.zalo_error and _sent_by_zalo(message):
        return Channel.ZALO
    sms.get_provider().send(message.recipient, message.body)
    return Channel.SMS


def _sent_by_zalo(message: OutboxMessage) -> bool:
    """True if Zalo took it; False once Zalo gave up for good (recorded
    on the row, SMS next); raises to retry Zalo later."""
    if not zalo.is_configured():
        reason = "Zalo no longer configured"
    else:
        try:
            zalo.send(message)
            return True
        except zalo.ZaloRefused as error:
            reason = str(error)
        except Exception as error:
            if message.attempts + 1 < ZALO_MAX_ATTEMPTS:
                raise
            reason = scrub(f"{type(error).__name__}: {error}", message.recipient)
    message.zalo_error = reason[:300]
    OutboxMessage.objects.filter(pk=message.pk).update(zalo_error=message.zalo_error)
    logger.warning("notification %s: Zalo gave up (%s), sending by SMS", message.pk, reason)
    return False


def retry_delay(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failure: 1, 2, 4 ... minutes, at most 1 h."""
    return min(RETRY_BASE * 2**attempts, RETRY_CAP)


def _record_failure(message: OutboxMessage, error: Exception) -> None:
    attempts = message.attempts + 1
    detail = scrub(f"{type(error).__name__}: {error}", message.recipient)[:300]
    if attempts >= MAX_ATTEMPTS:
        changes = {"status": MessageStatus.FAILED}
        logger.error(
            "notification %s failed for good after %s attempts: %s", message.pk, attempts, detail
        )
    else:
        retry_at = timezone.now() + retry_delay(attempts)
        changes = {"status": MessageStatus.PENDING, "next_attempt_at": retry_at}
        logger.warning(
            "notification %s: attempt %s failed, next at %s: %s",
            message.pk,
            attempts,
            retry_at.isoformat(timespec="seconds"),
            detail,
        )
    OutboxMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        attempts=attempts, last_error=detail, **changes
    )


def drain_outbox() -> int:
    """Send every due pending message; how many were sent. Run every
    minute (Celery beat in production, `manage.py send_notifications`
    from cron otherwise): it is what retries failed sends and picks up
    messages whose task was lost."""
    requeue_stuck()
    due = (
        OutboxMessage.objects.filter(
            status=MessageStatus.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )
    return sum(send_message(message_id) for message_id in list(due))


def requeue_stuck() -> int:
    """Rows left 'sending' past their lease belong to a dead worker: back
    to pending, counted as an attempt, so a message that kills its worker
    every time still ends as failed."""
    now = timezone.now()
    stuck = OutboxMessage.objects.filter(status=MessageStatus.SENDING, next_attempt_at__lte=now)
    count = stuck.update(
        status=MessageStatus.PENDING,
        attempts=F("attempts") + 1,
        last_error="interrupted while sending",
    )
    OutboxMessage.objects.filter(status=MessageStatus.PENDING, attempts__gte=MAX_ATTEMPTS).update(
        status=MessageStatus.FAILED
    )
    if count:
        logger.warning("%s notification(s) left sending by a stopped worker, queued again", count)
    return count
