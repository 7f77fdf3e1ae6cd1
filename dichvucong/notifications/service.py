"""The outbox's public surface: the receiver of dossiers' status_changed
signal (and of agency_changed, a dossier handed to a successor agency by
a reorganisation), and `enqueue`.

The receiver runs inside the transaction of the status change. It writes
the messages there, so they exist if and only if the change commits, and
asks for them to be sent only once it has committed (DESIGN.md §9).
Sending itself is in `sending.py`; it can fail and retry without any
effect on the dossier.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from dichvucong.dossiers.constants import EventKind
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.notifications import tasks
from dichvucong.notifications.compose import drafts_for
from dichvucong.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)


def on_status_changed(sender: Any, *, dossier: Dossier, event: Event, **kwargs: Any) -> None:
    # Practice dossiers (outreach sessions) are not real: no e-mail or SMS
    # to anyone, and public lookup would not find them anyway.
    if dossier.is_practice:
        return
    ids = write_messages(dossier, event)
    if ids:
        transaction.on_commit(lambda: enqueue(ids))


def write_messages(dossier: Dossier, event: Event) -> list[int]:
    """The outbox rows for one status change; ids of the rows written.
    A key already present (the same event seen twice) is left alone."""
    transferred = event.kind == EventKind.TRANSFER
    drafts = {
        f"{event.pk}:{draft.channel}:{draft.role}": draft
        for draft in drafts_for(dossier, transferred=transferred)
    }
    existing = set(
        OutboxMessage.objects.filter(dedupe_key__in=drafts).values_list("dedupe_key", flat=True)
    )
    written = [
        OutboxMessage.objects.create(
            dossier=dossier,
            dedupe_key=key,
            channel=draft.channel,
            recipient=draft.recipient,
            subject=draft.subject,
            body=draft.body,
            template_kind=draft.template_kind,
            template_fields=draft.template_fields,
        )
        for key, draft in drafts.items()
        if key not in existing
    ]
    return [message.pk for message in written]


def enqueue(ids: Iterable[int]) -> None:
    """One task per message: in-process at once in the embedded default,
    through the broker to a worker in production. A broker that is down
    must not turn a committed change into an error page: the message stays
    pending and drain_outbox sends it later."""
    for message_id in ids:
        try:
            tasks.send_message_task.delay(message_id)
        except Exception as error:
            logger.warning(
                "notification %s not queued (%s); the next drain sends it",
                message_id,
                type(error).__name__,
            )
