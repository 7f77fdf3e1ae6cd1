"""The append-only event log with its hash chain.

Each event's hash covers its own content and the previous event's hash, and
the dossier keeps the last hash and the count. Editing an event, deleting one
in the middle or cutting the tail all break the chain, which `verify` finds.

Since nothing here is ever erased, the actor's name is the one
accounts.services.name_for_records gives: a pupil ambassador (a minor whose
data is erased on request) is recorded under a pseudonym, never by name.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from django.utils import timezone

from dichvucong.accounts.services import name_for_records
from dichvucong.dossiers.models import Dossier, Event


def _payload(event: Event) -> str:
    at = event.at.astimezone(UTC).isoformat(timespec="microseconds")
    body = {
        "dossier": event.dossier_id,
        "seq": event.seq,
        "at": at,
        "actor": event.actor_id,
        "kind": event.kind,
        "from": event.from_status,
        "to": event.to_status,
        "reason": event.reason,
        "data": event.data,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(event: Event) -> str:
    return hashlib.sha256((event.prev_hash + _payload(event)).encode()).hexdigest()


def record(
    dossier: Dossier,
    *,
    actor: Any,
    kind: str,
    from_status: int | None = None,
    to_status: int | None = None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> Event:
    """Append one event. The caller holds the dossier row (select_for_update
    inside transaction.atomic), so seq and prev_hash cannot race."""
    now: datetime = timezone.now()
    event = Event(
        dossier=dossier,
        seq=dossier.event_count + 1,
        at=now,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=name_for_records(actor),
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        data=data or {},
        prev_hash=dossier.last_event_hash,
    )
    event.hash = event_hash(event)
    event.save()
    Dossier.objects.filter(pk=dossier.pk).update(event_count=event.seq, last_event_hash=event.hash)
    dossier.event_count = event.seq
    dossier.last_event_hash = event.hash
    return event


def verify(dossier: Dossier) -> list[str]:
    """Problems found in one dossier's chain; empty when intact."""
    problems: list[str] = []
    prev = ""
    expected_seq = 1
    for event in Event.objects.filter(dossier=dossier).order_by("seq"):
        if event.seq != expected_seq:
            problems.append(f"thiếu sự kiện số {expected_seq}")
        if event.prev_hash != prev:
            problems.append(f"sự kiện {event.seq}: không khớp với sự kiện trước")
        if event_hash(event) != event.hash:
            problems.append(f"sự kiện {event.seq}: nội dung đã bị sửa")
        prev = event.hash
        expected_seq = event.seq + 1
    if expected_seq - 1 != dossier.event_count or prev != dossier.last_event_hash:
        problems.append("chuỗi sự kiện bị cắt hoặc không khớp với hồ sơ")
    return problems
