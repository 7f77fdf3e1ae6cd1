"""The processing control slip (form 05 of Circular 01/2018, 06 of
03/2025): who held the dossier, from when to when, and whether each step
kept to the deadline.

The handovers are read back from the event log. The log records who acted,
not always who received: a forward goes to "the leader", an approval to
"the desk". Such a holder is named by the next event its own holder
performs (the leader who approves, the officer who returns the result).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from fpdf.fonts import FontFace

from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.deadlines import Timeliness, timeliness
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.dossiers.rules import Slip
from dichvucong.dossiers.slips.documents import start_slip
from dichvucong.dossiers.slips.pdf import (
    FAMILY,
    SlipPDF,
    format_date,
    format_moment,
    parse_iso_date,
)

APPLICANT = "Người nộp hồ sơ"
DESK = "Bộ phận một cửa"
SPECIALIST = "Chuyên viên"
LEADER = "Lãnh đạo"


@dataclass
class Party:
    name: str
    role: str

    def label(self) -> str:
        return f"{self.name} ({self.role})" if self.name else self.role


@dataclass
class Handover:
    what: str
    giver: Party
    receiver: Party
    handed_at: datetime
    # The model keeps no per-step deadlines: a step held by the office is
    # measured against the dossier's due date in force at that time.
    due: date | None
    done_at: datetime | None = None

    def verdict(self, today: date) -> str:
        if self.due is None:
            return ""
        if self.done_at is None:
            return str((Timeliness.OVERDUE if today > self.due else Timeliness.NOT_DUE).label)
        done = timezone.localdate(self.done_at)
        if done < self.due:
            return str(Timeliness.EARLY.label)
        return str((Timeliness.ON_TIME if done == self.due else Timeliness.LATE).label)


_CLOSING = {
    Status.SUPPLEMENT: "Yêu cầu bổ sung hồ sơ",
    Status.REFUSED: "Từ chối tiếp nhận",
    Status.WITHDRAWN: "Công dân rút hồ sơ",
    Status.STOPPED: "Dừng xử lý, trả hồ sơ",
    Status.RETURNED: "Trả kết quả",
}


class _Walk:
    """Replays the events, keeping the current holder and due date."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.applicant = Party(dossier.applicant_name, APPLICANT)
        self.holder = self.applicant
        self.due: date | None = None
        self.steps: list[Handover] = []

    def apply(self, event: Event) -> None:
        if event.actor_id != self.dossier.applicant_id and not self.holder.name:
            self.holder.name = event.actor_name
        if event.kind == EventKind.STATUS and event.to_status == Status.ACCEPTED:
            self._accepted(event)
            return
        move = self._move(event)
        if move is not None:
            self._hand(event, *move)

    def _accepted(self, event: Event) -> None:
        # Acceptance changes no hands (the desk already holds the dossier)
        # but starts the clock for the step under way.
        self.due = parse_iso_date(event.data.get("due_date")) or self.dossier.due_date
        if self.steps and self.steps[-1].receiver is self.holder:
            self.steps[-1].due = self.due

    def _move(self, event: Event) -> tuple[str, Party] | None:
        data = event.data or {}
        if event.kind == EventKind.ASSIGN or "assignee" in data:
            return "Phân công xử lý", Party(str(data.get("assignee", "")), SPECIALIST)
        if event.kind == EventKind.FORWARD:
            return "Trình phê duyệt", Party("", LEADER)
        if event.kind != EventKind.STATUS:
            return None
        return self._status_move(event)

    def _status_move(self, event: Event) -> tuple[str, Party] | None:
        target, origin = event.to_status, event.from_status
        if target == Status.SUBMITTED:
            what = "Nộp bổ sung" if origin == Status.SUPPLEMENT else "Nộp hồ sơ"
            return what, Party("", DESK)
        if target == Status.PROCESSING and origin == Status.SUPPLEMENT:
            # Only one supplement is allowed, so the dossier's due date is
            # the one restarted by this very supply.
            self.due = self.dossier.due_date
            asker = self.steps[-1].giver if self.steps else Party("", SPECIALIST)
            return "Nộp bổ sung", Party(asker.name, asker.role)
        if target == Status.RESOLVED:
            return "Phê duyệt, chuyển trả kết quả", Party("", DESK)
        if target in _CLOSING:
            return _CLOSING[target], self.applicant
        return None

    def _hand(self, event: Event, what: str, receiver: Party) -> None:
        if receiver == self.holder:
            return  # reassigned to the one already holding it: no handover
        if self.steps:
            self.steps[-1].done_at = event.at
        if event.to_status == Status.RESOLVED:
            self.due = None  # the result is ready: the deadline is met or missed
        office = receiver is not self.applicant
        self.steps.append(
            Handover(
                what=what,
                giver=self.holder,
                receiver=receiver,
                handed_at=event.at,
                due=self.due if office else None,
            )
        )
        self.holder = receiver


def handovers(dossier: Dossier) -> list[Handover]:
    walk = _Walk(dossier)
    for event in dossier.events.order_by("seq"):
        walk.apply(event)
    return walk.steps


def _row(step: Handover, number: int, today: date) -> list[str]:
    return [
        str(number),
        step.what,
        step.giver.label(),
        step.receiver.label(),
        format_moment(step.handed_at),
        format_date(step.due),
        format_moment(step.done_at),
        step.verdict(today),
    ]


HEADINGS = [
    "TT",
    "Nội dung",
    "Bên giao",
    "Bên nhận",
    "Giao, nhận lúc",
    "Hạn",
    "Hoàn thành",
    "Kết quả",
]
WIDTHS = [6, 17, 20, 20, 17, 15, 17, 16]


def control_slip(dossier: Dossier) -> bytes:
    if dossier.received_at is None and dossier.status != Status.REFUSED:
        raise LookupError("dossier has been neither received nor refused")
    today = timezone.localdate()
    pdf = start_slip(dossier, Slip.CONTROL)
    pdf.field("Người nộp hồ sơ", dossier.applicant_name)
    pdf.field("Thủ tục", dossier.procedure.name)
    pdf.field("Cơ quan giải quyết", dossier.agency.name)
    pdf.ln(1)
    pdf.set_font(FAMILY, "", 6.5)
    heading = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
    with pdf.table(
        col_widths=WIDTHS,
        width=sum(WIDTHS),
        line_height=3.2,
        headings_style=heading,
        text_align="LEFT",
        padding=0.8,
    ) as table:
        table.row(HEADINGS)
        for number, step in enumerate(handovers(dossier), start=1):
            table.row(_row(step, number, today))
    _summary(pdf, dossier, today)
    return pdf.to_bytes()


def _summary(pdf: SlipPDF, dossier: Dossier, today: date) -> None:
    pdf.ln(2)
    pdf.field("Thời gian tiếp nhận", format_moment(dossier.received_at))
    due = format_date(dossier.due_date)
    if dossier.extended_due_date:
        due += f" (hẹn lại: {format_date(dossier.extended_due_date)})"
    pdf.field("Ngày hẹn trả kết quả", due)
    pdf.field("Ngày có kết quả", format_moment(dossier.resolved_at))
    pdf.field("Ngày trả kết quả", format_moment(dossier.returned_at))
    verdict = timeliness(dossier, today)
    pdf.field(
        "Đánh giá chung", str(verdict.label) if verdict != Timeliness.NONE else "—", bold=True
    )
