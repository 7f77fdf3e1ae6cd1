"""The append-only event log with its hash chain.

Each event's hash covers its own content and the previous event's hash, and
the dossier keeps the last hash and the count. Editing an event, deleting one
in the middle or cutting the tail all break the chain, which `verify` finds.

The hash is an HMAC-SHA256 under EVENT_LOG_KEY, a key kept outside the
database: someone who can write to the database but does not hold the key
cannot edit an event and recompute the chain after it. Such hashes read
"h1:<base64>"; events written before the key existed carry a plain SHA-256
(64 hex digits) and still verify, but never after a keyed one: a chain
cannot be turned back to the unkeyed kind (and with EVENT_LOG_ALLOW_UNKEYED
off, not at all).

Since nothing here is ever erased, the actor's name is the one
accounts.services.name_for_records gives: a pupil ambassador (a minor whose
data is erased on request) is recorded under a pseudonym, never by name.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from dichvucong.accounts.services import name_for_records
from dichvucong.audit import service as audit
from dichvucong.audit.constants import Action
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.models import Dossier, Event

KEYED = "h1:"


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


def event_log_key() -> bytes:
    if settings.EVENT_LOG_KEY:
        return settings.EVENT_LOG_KEY.encode()
    return salted_hmac("dichvucong.dossiers.events", "event-log-key", algorithm="sha256").digest()


def plain_hash(event: Event) -> str:
    """The unkeyed SHA-256 of events written before the key existed."""
    return hashlib.sha256((event.prev_hash + _payload(event)).encode()).hexdigest()


def keyed_hash(event: Event) -> str:
    """HMAC-SHA256, base64 without padding, so the marked hash (46
    characters) fits the column the plain one did."""
    message = (event.prev_hash + _payload(event)).encode()
    digest = hmac.new(event_log_key(), message, hashlib.sha256).digest()
    return KEYED + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def event_hash(event: Event) -> str:
    return keyed_hash(event)


def is_keyed(hash_value: str) -> bool:
    return hash_value.startswith(KEYED)


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
    if getattr(event.actor, "is_officer", False) or getattr(event.actor, "is_staff", False):
        _audit_staff_event(dossier, event)
    return event


def _audit_staff_event(dossier: Dossier, event: Event) -> None:
    """The security trail's copy of a staff action: this history says what
    happened to the dossier, the trail adds from which address (of the
    request being served) and keeps it beside non-dossier actions. In the
    same transaction, so a rolled-back action leaves neither."""
    what = str(EventKind(event.kind).label)
    if event.to_status is not None and event.from_status != event.to_status:
        what = f"{what}: {Status(event.to_status).label}"
    audit.record(
        Action.STAFF_ACTION,
        what,
        actor=event.actor,
        target=dossier.code or f"#{dossier.pk}",
        detail={"event": event.seq, "kind": event.kind,
                "from": event.from_status, "to": event.to_status},
    )


# --- Verification ---------------------------------------------------------------

EDITED = "edited"
MISSING = "missing"
WRONG_LINK = "wrong_link"
TAIL_CUT = "tail_cut"
UNKEYED_AFTER_KEYED = "unkeyed_after_keyed"
UNKEYED = "unkeyed"


@dataclass(frozen=True)
class Break:
    """One place where a dossier's chain does not hold."""

    seq: int  # the event concerned; for a cut tail, the first one missing
    kind: str  # one of the names above
    message: str  # what is wrong, for the operator

    def __str__(self) -> str:
        return f"sự kiện {self.seq}: {self.message}"


def _link_breaks(event: Event, expected_seq: int, prev_hash: str) -> list[Break]:
    if event.seq != expected_seq:
        last = event.seq - 1
        gone = str(expected_seq) if expected_seq == last else f"{expected_seq}–{last}"
        return [Break(event.seq, MISSING, f"thiếu sự kiện số {gone} ngay trước sự kiện này")]
    if event.prev_hash != prev_hash:
        return [Break(event.seq, WRONG_LINK, "không nối với sự kiện trước (sai mã băm trước)")]
    return []


def _content_breaks(event: Event, keyed_before: bool) -> list[Break]:
    if is_keyed(event.hash):
        expected = keyed_hash(event)
    elif keyed_before:
        message = "mã băm không khóa sau một sự kiện có khóa: chuỗi đã bị tính lại"
        return [Break(event.seq, UNKEYED_AFTER_KEYED, message)]
    elif not settings.EVENT_LOG_ALLOW_UNKEYED:
        message = "mã băm không khóa, không được chấp nhận (EVENT_LOG_ALLOW_UNKEYED=false)"
        return [Break(event.seq, UNKEYED, message)]
    else:
        expected = plain_hash(event)
    if not hmac.compare_digest(expected, event.hash):
        return [Break(event.seq, EDITED, "nội dung đã bị sửa (mã băm không khớp)")]
    return []


def _head_breaks(dossier: Dossier, last_seq: int, last_hash: str) -> list[Break]:
    """The dossier row keeps the count and the last hash: a chain that
    stops early was cut."""
    if last_seq < dossier.event_count:
        message = f"chuỗi bị cắt: hồ sơ ghi {dossier.event_count} sự kiện, chỉ còn {last_seq}"
        return [Break(last_seq + 1, TAIL_CUT, message)]
    if last_seq > dossier.event_count or last_hash != dossier.last_event_hash:
        return [Break(last_seq, WRONG_LINK, "sự kiện cuối không khớp với mã băm hồ sơ giữ")]
    return []


def verify(dossier: Dossier) -> list[Break]:
    """Where one dossier's chain breaks; empty when intact."""
    breaks: list[Break] = []
    prev_hash, last_seq, keyed_before = "", 0, False
    for event in Event.objects.filter(dossier=dossier).order_by("seq"):
        breaks += _link_breaks(event, last_seq + 1, prev_hash)
        breaks += _content_breaks(event, keyed_before)
        keyed_before = keyed_before or is_keyed(event.hash)
        prev_hash, last_seq = event.hash, event.seq
    return breaks + _head_breaks(dossier, last_seq, prev_hash)
