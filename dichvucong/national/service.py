"""The national outbox's public surface: the receivers of the dossier
signals, and what an administrator may do (resend a message).

The receivers run inside the transaction of the event and write its row
there, so the row exists if and only if the event is committed; sending
is asked for only after the commit (DESIGN.md §9). With the portal not
configured nothing is written: an installation without DVCQG credentials
keeps no backlog to flood the portal with on the day they are set (the
first event after that creates the dossier on the portal whole).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dichvucong.dossiers.models import Dossier, Event
from dichvucong.national import client, tasks
from dichvucong.national.constants import MessageStatus
from dichvucong.national.format import message_data, procedure_codes, tracked_kind
from dichvucong.national.models import NationalMessage

logger = logging.getLogger(__name__)


def on_dossier_event(sender: Any, *, dossier: Dossier, event: Event, **kwargs: Any) -> None:
    # Practice dossiers (outreach sessions) never reach the portal.
    if dossier.is_practice or not client.is_configured():
        return
    if write_message(dossier, event) is not None:
        transaction.on_commit(lambda: enqueue([dossier.pk]))


# The demo's loader pauses receivers by these names (demo/activity.py).
on_status_changed = on_dossier_event
on_due_date_extended = on_dossier_event
on_agency_changed = on_dossier_event


def write_message(dossier: Dossier, event: Event) -> NationalMessage | None:
    """The outbox row of one event, or None if the portal does not track
    it or the row is already there."""
    kind = tracked_kind(event)
    if kind is None or NationalMessage.objects.filter(event=event).exists():
        return None
    data = message_data(dossier, event, kind)
    return NationalMessage.objects.create(
        dossier=dossier,
        event=event,
        event_seq=event.seq,
        kind=kind,
        status_code=data["TrangThaiHoSo"],
        message_id=f"{dossier.code}:{event.seq}",
        is_update=NationalMessage.objects.filter(dossier=dossier).exists(),
        data=data,
    )


def enqueue(dossier_ids: Iterable[int]) -> None:
    """Send the dossiers' due messages: at once in-process in the embedded
    default, by a worker with a broker. A broker that is down loses
    nothing: the rows wait for the next drain (Celery beat, or
    `manage.py send_to_dvcqg`)."""
    for dossier_id in set(dossier_ids):
        try:
            tasks.send_dossier_task.delay(dossier_id)
        except Exception as error:
            logger.warning(
                "DVCQG: dossier %s not queued (%s); the next drain sends it",
                dossier_id,
                type(error).__name__,
            )


def resend(messages: Iterable[NationalMessage]) -> int:
    """An administrator's "gửi lại": refused or waiting messages go back to
    the front of their dossier's line, due now, with the procedure's codes
    read again from the catalogue (the usual fix for a refusal). Sent ones
    are left alone. How many were queued."""
    queued = 0
    dossier_ids = []
    for message in messages:
        if message.status not in (MessageStatus.PENDING, MessageStatus.REFUSED):
            continue
        data = {**message.data, **procedure_codes(message.dossier)}
        queued += NationalMessage.objects.filter(pk=message.pk, status=message.status).update(
            status=MessageStatus.PENDING, next_attempt_at=timezone.now(), data=data
        )
        dossier_ids.append(message.dossier_id)
    transaction.on_commit(lambda: enqueue(dossier_ids))
    return queued


def needs_attention() -> Q:
    """Messages an administrator should see: refused, or pending after a
    failure, or waiting behind either."""
    return Q(status=MessageStatus.REFUSED) | Q(status=MessageStatus.PENDING, attempts__gt=0)


def summary() -> dict[str, int]:
    """Counts for the admin's list: waiting, failing, refused."""
    rows = NationalMessage.objects.exclude(status=MessageStatus.SENT)
    return {
        "pending": rows.filter(status__in=[MessageStatus.PENDING, MessageStatus.SENDING]).count(),
        "failing": rows.filter(status=MessageStatus.PENDING, attempts__gt=0).count(),
        "refused": rows.filter(status=MessageStatus.REFUSED).count(),
    }
