"""The event log of each generated dossier, hash-chained exactly as
dossiers.events.record chains it (its own keyed_hash), so verify_events
holds; the dossier row gets the count and the last hash."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from dichvucong.demo.bulk.writers import Row
from dichvucong.dossiers import events
from dichvucong.dossiers.constants import EventKind, Status

Actor = tuple[int | None, str]  # (user id, name as the log records it)


@dataclass
class Link:
    """The fields the hash covers, under the names events._payload reads."""

    dossier_id: int
    seq: int
    at: datetime
    actor_id: int | None
    kind: str
    from_status: int | None
    to_status: int | None
    reason: str
    data: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = ""
    actor_name: str = ""


@cache
def texts() -> dict[str, str]:
    """The reasons and notes written into the logs, translated once (the
    log keeps them in Vietnamese whatever the language of the run)."""
    with translation.override("vi"):
        return {
            "SUPPLEMENT_AT_RECEPTION": _("Bản sao giấy tờ tùy thân"),
            "REFUSAL": _("Hồ sơ không thuộc thẩm quyền giải quyết."),
            "WITHDRAWAL": _("Công dân xin rút hồ sơ."),
            "APOLOGY": _("Hồ sơ cần xác minh thêm, xin lỗi và hẹn lại ngày trả kết quả."),
            "SUPPLEMENT_IN_PROCESSING": _("Giấy xác nhận nơi cư trú"),
            "STOP": _("Hồ sơ dừng xử lý theo quy định."),
        }


@contextmanager
def key_read_once() -> Iterator[None]:
    """events.keyed_hash derives the log key on every call (a salted HMAC
    when EVENT_LOG_KEY is unset): a third of the time at a million
    dossiers. The same key, derived once, for the duration."""
    key = events.event_log_key()
    original = events.event_log_key
    events.event_log_key = lambda: key  # type: ignore[assignment]
    try:
        yield
    finally:
        events.event_log_key = original  # type: ignore[assignment]


def chain(row: Row, applicant: Actor, staff: Actor, assisted: dict[str, Any] | None) -> list[Row]:
    """The events of one dossier row; sets its event_count and last_event_hash."""
    links = _links(row, applicant, staff, assisted)
    prev = ""
    result = []
    for seq, link in enumerate(links, start=1):
        link.seq, link.prev_hash = seq, prev
        prev = events.keyed_hash(link)  # type: ignore[arg-type]
        result.append({**link.__dict__, "hash": prev})
    row["event_count"], row["last_event_hash"] = len(result), prev
    return result


def _links(row: Row, applicant: Actor, staff: Actor, assisted: dict[str, Any] | None) -> list[Link]:
    if row["status"] == Status.DRAFT:
        return []
    steps = Steps(row["id"])
    steps.add(row["submitted_at"], applicant, EventKind.STATUS, Status.DRAFT, Status.SUBMITTED)
    if assisted is not None:
        steps.add(
            row["submitted_at"] + timedelta(seconds=1),
            assisted.pop("actor"),
            EventKind.NOTE,
            reason=assisted.pop("note"),
            data=assisted,
        )
    if row.get("received_at") is None:
        _at_reception(row, steps, staff)
    else:
        _in_processing(row, steps, staff)
    return steps.links


class Steps:
    def __init__(self, dossier_id: int) -> None:
        self.dossier_id = dossier_id
        self.links: list[Link] = []

    def add(
        self,
        at: datetime,
        actor: Actor,
        kind: str,
        from_status: int | None = None,
        to_status: int | None = None,
        reason: str = "",
        data: dict[str, Any] | None = None,
    ) -> None:
        if self.links:  # never before the previous event
            at = max(at, self.links[-1].at)
        self.links.append(
            Link(
                self.dossier_id,
                0,
                at,
                actor[0],
                str(kind),
                from_status,
                to_status,
                reason,
                data or {},
                actor_name=actor[1],
            )
        )


def _at_reception(row: Row, steps: Steps, staff: Actor) -> None:
    status = row["status"]
    if status == Status.SUPPLEMENT:
        steps.add(
            row["supplement_requested_at"],
            staff,
            EventKind.STATUS,
            Status.SUBMITTED,
            Status.SUPPLEMENT,
            data={"missing": [texts()["SUPPLEMENT_AT_RECEPTION"]]},
        )
    elif status == Status.REFUSED:
        steps.add(
            row["closed_at"],
            staff,
            EventKind.STATUS,
            Status.SUBMITTED,
            Status.REFUSED,
            reason=texts()["REFUSAL"],
        )
    elif status == Status.WITHDRAWN:
        steps.add(
            row["closed_at"],
            (row["applicant_id"], row["applicant_name"]),
            EventKind.STATUS,
            Status.SUBMITTED,
            Status.WITHDRAWN,
            reason=texts()["WITHDRAWAL"],
        )


def _in_processing(row: Row, steps: Steps, staff: Actor) -> None:
    status, received = row["status"], row["received_at"]
    steps.add(received, staff, EventKind.STATUS, Status.SUBMITTED, Status.ACCEPTED)
    if status == Status.ACCEPTED:
        return
    steps.add(
        received + timedelta(minutes=30),
        staff,
        EventKind.STATUS,
        Status.ACCEPTED,
        Status.PROCESSING,
        data={"assignee": staff[1]},
    )
    if row.get("extended_due_date"):
        steps.add(
            received + timedelta(days=1),
            staff,
            EventKind.APOLOGY,
            reason=texts()["APOLOGY"],
            data={"new_due_date": row["extended_due_date"].isoformat()},
        )
    _outcome(row, steps, staff)


def _outcome(row: Row, steps: Steps, staff: Actor) -> None:
    status = row["status"]
    if status == Status.SUPPLEMENT:
        steps.add(
            row["supplement_requested_at"],
            staff,
            EventKind.STATUS,
            Status.PROCESSING,
            Status.SUPPLEMENT,
            data={"missing": [texts()["SUPPLEMENT_IN_PROCESSING"]]},
        )
    elif status == Status.AWAITING_PAYMENT:
        steps.add(
            row["received_at"] + timedelta(hours=2),
            staff,
            EventKind.STATUS,
            Status.PROCESSING,
            Status.AWAITING_PAYMENT,
        )
    elif status in (Status.WITHDRAWN, Status.STOPPED):
        steps.add(
            row["closed_at"],
            staff,
            EventKind.STATUS,
            Status.PROCESSING,
            status,
            reason=texts()["STOP"],
        )
    elif status in (Status.RESOLVED, Status.RETURNED):
        steps.add(row["resolved_at"], staff, EventKind.STATUS, Status.PROCESSING, Status.RESOLVED)
        if status == Status.RETURNED:
            steps.add(row["returned_at"], staff, EventKind.STATUS, Status.RESOLVED, Status.RETURNED)
