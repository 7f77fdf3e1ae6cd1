"""Sending the national outbox: strictly in order per dossier, each
message until the portal takes it.

A message may go only when every earlier message of its dossier has been
sent (its "head"); other dossiers do not wait for it. A worker claims a
head under a row lock that others skip (`FOR UPDATE SKIP LOCKED` on
PostgreSQL; SQLite serialises writers), marks it sending with a lease
and commits, then calls the portal outside any transaction. So two
workers never send the same message, nor two messages of one dossier at
once.

After a failure the message stays first in its dossier's line:
Unavailable (portal down, 5xx, timeout) puts it back to pending with
back-off and ends this run (the other messages would meet the same
portal); Refused marks it refused, for an administrator to look at and
send again (service.resend). Nothing is dropped and nothing overtakes.

The one case where a message reaches the portal twice is a worker dying
after the portal took it and before the row was marked sent: the lease
runs out and it is sent again, under the same Idempotency-Key and with
the same content (DongBoHoSoMC replaces the dossier's record, so even a
portal that ignored the key would end in the same state).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone

from dichvucong.national import client
from dichvucong.national.constants import (
    RETRY_BASE,
    RETRY_CAP,
    SENDING_LEASE,
    MessageStatus,
)
from dichvucong.national.models import NationalMessage

logger = logging.getLogger(__name__)


def drain(dossier_id: int | None = None, limit: int = 1000) -> int:
    """Send due messages (of one dossier, or all) in order until none is
    due or the portal is unavailable; how many were sent."""
    if not client.is_configured():
        return 0
    requeue_stuck()
    portal = client.Portal()
    sent = 0
    while sent < limit:
        message = claim_next(dossier_id)
        if message is None:
            break
        try:
            deliver(message, portal)
        except client.Unavailable:
            break
        except client.Refused:
            continue
        sent += 1
    return sent


def _due_heads() -> QuerySet[NationalMessage]:
    earlier_unsent = NationalMessage.objects.filter(
        dossier_id=OuterRef("dossier_id"), event_seq__lt=OuterRef("event_seq")
    ).exclude(status=MessageStatus.SENT)
    return NationalMessage.objects.filter(
        status=MessageStatus.PENDING, next_attempt_at__lte=timezone.now()
    ).exclude(Exists(earlier_unsent))


def claim_next(dossier_id: int | None = None) -> NationalMessage | None:
    """The next due head, now ours for SENDING_LEASE; None if there is none."""
    with transaction.atomic():
        heads = _due_heads()
        if dossier_id is not None:
            heads = heads.filter(dossier_id=dossier_id)
        message = (
            heads.select_for_update(skip_locked=True, of=("self",))
            .order_by("next_attempt_at", "pk")
            .first()
        )
        if message is None:
            return None
        lease_end = timezone.now() + SENDING_LEASE
        claimed = NationalMessage.objects.filter(
            pk=message.pk, status=MessageStatus.PENDING
        ).update(status=MessageStatus.SENDING, next_attempt_at=lease_end)
        if claimed != 1:
            return None
    message.status = MessageStatus.SENDING
    return message


def deliver(message: NationalMessage, portal: client.Portal) -> None:
    """Send one claimed message and record the outcome; re-raises a
    failure after recording it."""
    agency_code = message.dossier.agency.unit_code
    try:
        portal.sync(message, agency_code)
    except client.Unavailable as error:
        _retry_later(message, str(error))
        raise
    except client.Refused as error:
        _refused(message, str(error))
        raise
    except Exception as error:
        _retry_later(message, f"{type(error).__name__}: {error}")
        raise client.Unavailable(str(error)) from error
    NationalMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        status=MessageStatus.SENT,
        sent_at=timezone.now(),
        last_error="",
        attempts=F("attempts") + 1,
    )
    logger.info("DVCQG: %s sent", message.message_id)


def retry_delay(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failure: 30 s, 1, 2, 4 ... minutes, at most 1 h."""
    return min(RETRY_BASE * 2 ** max(attempts - 1, 0), RETRY_CAP)


def _retry_later(message: NationalMessage, error: str) -> None:
    attempts = message.attempts + 1
    retry_at = timezone.now() + retry_delay(attempts)
    NationalMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        status=MessageStatus.PENDING,
        attempts=attempts,
        next_attempt_at=retry_at,
        last_error=error[:300],
    )
    logger.warning(
        "DVCQG: %s attempt %s failed, next at %s: %s",
        message.message_id,
        attempts,
        retry_at.isoformat(timespec="seconds"),
        error,
    )


def _refused(message: NationalMessage, error: str) -> None:
    NationalMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        status=MessageStatus.REFUSED,
        attempts=message.attempts + 1,
        last_error=error[:300],
    )
    logger.error("DVCQG: %s refused by the portal: %s", message.message_id, error)


def requeue_stuck() -> int:
    """Messages left sending past their lease belong to a worker that
    stopped: back to pending, first in their dossier's line again."""
    stuck = NationalMessage.objects.filter(
        status=MessageStatus.SENDING, next_attempt_at__lte=timezone.now()
    )
    count = stuck.update(
        status=MessageStatus.PENDING,
        attempts=F("attempts") + 1,
        last_error="interrupted while sending",
    )
    if count:
        logger.warning("DVCQG: %s message(s) left sending by a stopped worker, queued again", count)
    return count
