"""Every status change of a dossier, in one place (the one-stop rules of
the dossier's own date: `rules.rules_of`, Decree 61/2018 or 118/2025).

Each operation locks the dossier row, checks the current status and the
actor's role, changes the row with a conditional update on the old status,
and appends the event, all in one transaction. A refused transition raises
TransitionError with a Vietnamese message and changes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import Role
from dichvucong.catalogue.calendar import office_calendar
from dichvucong.conflicts import operation
from dichvucong.dossiers import events
from dichvucong.dossiers.access import holds_role
from dichvucong.dossiers.codes import issue_code
from dichvucong.dossiers.constants import Delivery, EventKind, Refusal, Status
from dichvucong.dossiers.fees import dossier_fee
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.places import submitted_from
from dichvucong.dossiers.rules import rules_of
from dichvucong.dossiers.signals import due_date_extended, status_changed


class TransitionError(Exception):
    """A change the rules do not allow now; the message is for the user,
    `code` (a constants.Refusal) for programs."""

    default_code: str = Refusal.REFUSED

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = str(code or self.default_code)


def _locked(dossier: Dossier) -> Dossier:
    return lock_dossier(dossier, "procedure", "agency")


def _require_status(dossier: Dossier, allowed: tuple[int, ...]) -> None:
    if dossier.status not in allowed:
        raise TransitionError(
            _("Không thực hiện được: hồ sơ đang ở trạng thái “%(status)s”.")
            % {"status": dossier.get_status_display()},
            Refusal.WRONG_STATUS,
        )


def _require_role(actor: Any, dossier: Dossier, *roles: str) -> None:
    if not any(holds_role(actor, dossier, role) for role in roles):
        raise TransitionError(
            _("Bạn không có quyền thực hiện thao tác này với hồ sơ."), Refusal.NOT_PERMITTED
        )


def _require_applicant(actor: Any, dossier: Dossier) -> None:
    if dossier.applicant_id != getattr(actor, "pk", None):
        raise TransitionError(
            _("Chỉ người nộp hồ sơ được thực hiện thao tác này."), Refusal.NOT_APPLICANT
        )


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Vui lòng ghi rõ lý do."), Refusal.REASON_REQUIRED)
    return reason


def _move(
    dossier: Dossier,
    actor: Any,
    target: int,
    *,
    reason: str = "",
    data: dict[str, Any] | None = None,
    **changes: Any,
) -> Dossier:
    """Set the new status and fields if the status is still what we read,
    then append the event. The caller has locked the row."""
    old = dossier.status
    changes["updated_at"] = timezone.now()
    updated = Dossier.objects.filter(pk=dossier.pk, status=old).update(status=target, **changes)
    if updated != 1:
        raise TransitionError(
            _("Hồ sơ vừa được người khác cập nhật, vui lòng tải lại trang."),
            Refusal.CHANGED_MEANWHILE,
        )
    for name, value in changes.items():
        setattr(dossier, name, value)
    dossier.status = target
    event = events.record(
        dossier,
        actor=actor,
        kind=EventKind.STATUS,
        from_status=old,
        to_status=target,
        reason=reason,
        data=data,
    )
    status_changed.send(sender=Dossier, dossier=dossier, event=event)
    return dossier


# --- Applicant ------------------------------------------------------------


@operation
def submit(dossier: Dossier, actor: Any) -> Dossier:
    """Draft -> 1. Idempotent: submitting an already submitted dossier
    returns it unchanged, so a double click or a retried request makes one
    dossier with one code. Completeness is checked by the caller's form
    engine (dossiers.submission) before this is called."""
    dossier = _locked(dossier)
    _require_applicant(actor, dossier)
    if dossier.status != Status.DRAFT:
        return dossier
    now = timezone.now()
    code = issue_code(dossier.agency, timezone.localdate(now))
    return _move(
        dossier,
        actor,
        Status.SUBMITTED,
        code=code,
        submitted_at=now,
        fee_amount=dossier_fee(dossier),
        residential_group_id=submitted_from(dossier),
    )


@operation
def withdraw(dossier: Dossier, actor: Any, reason: str = "") -> Dossier:
    """The applicant withdraws before processing starts (status 1 or 2)."""
    dossier = _locked(dossier)
    _require_applicant(actor, dossier)
    _require_status(dossier, (Status.SUBMITTED, Status.ACCEPTED))
    return _move(dossier, actor, Status.WITHDRAWN, reason=reason, closed_at=timezone.now())


@operation
def supply(dossier: Dossier, actor: Any, note: str = "") -> Dossier:
    """The applicant has uploaded the supplement. Back to reception if it
    was asked for there; back to processing otherwise, with the deadline
    counted again from zero from now (Decree 61/2018 art. 19)."""
    dossier = _locked(dossier)
    _require_applicant(actor, dossier)
    _require_status(dossier, (Status.SUPPLEMENT,))
    target = dossier.supplement_status_from or Status.SUBMITTED
    changes: dict[str, Any] = {}
    data: dict[str, Any] = {}
    if target != Status.SUBMITTED:
        now = timezone.now()
        due = office_calendar().due_date(now, dossier.procedure.working_days)
        changes = {"received_at": now, "due_date": due}
        data = {"due_date": due.isoformat(), "restarted": True}
    return _move(dossier, actor, target, reason=note, data=data, **changes)


# --- Reception ------------------------------------------------------------


@operation
def accept(
    dossier: Dossier,
    actor: Any,
    *,
    fee_amount: int | None = None,
    exemption_confirmed: bool | None = None,
) -> Dossier:
    """1 -> 2: the receipt and appointment slip (01); the clock starts.

    The receptionist confirms the fee here: the amount the catalogue gives
    (or, where the catalogue has none, the amount they enter) and any
    exemption the applicant claimed with evidence. A dossier that then owes
    a fee waits in 6 until it is paid; payment_received() accepts it."""
    dossier = _locked(dossier)
    _require_role(actor, dossier, Role.RECEPTIONIST)
    _require_status(dossier, (Status.SUBMITTED,))
    fee = _confirmed_fee(dossier, fee_amount, exemption_confirmed)
    fee_changes = {"fee_amount": fee, "fee_exemption_confirmed": exemption_confirmed}
    if fee > 0 and dossier.fee_paid_at is None:
        return _move(
            dossier,
            actor,
            Status.AWAITING_PAYMENT,
            holder=actor,
            data={"fee_amount": fee},
            **fee_changes,
        )
    return _start_clock(dossier, actor, **fee_changes)


def _start_clock(dossier: Dossier, actor: Any, reason: str = "", **changes: Any) -> Dossier:
    now = timezone.now()
    due = office_calendar().due_date(now, dossier.procedure.working_days)
    return _move(
        dossier,
        actor,
        Status.ACCEPTED,
        reason=reason,
        received_at=now,
        due_date=due,
        holder=actor,
        data={"due_date": due.isoformat()},
        **changes,
    )


def _confirmed_fee(dossier: Dossier, entered: int | None, exemption_confirmed: bool | None) -> int:
    if dossier.fee_exemption and exemption_confirmed is None:
        raise TransitionError(
            _("Vui lòng xác nhận đối tượng miễn, giảm lệ phí mà công dân kê khai."),
            Refusal.EXEMPTION_UNCONFIRMED,
        )
    if dossier.fee_exemption and exemption_confirmed:
        return 0
    if entered is not None and entered < 0:
        raise TransitionError(_("Số tiền lệ phí không hợp lệ."), Refusal.INVALID_FEE)
    fee = entered if entered is not None else dossier.fee_amount
    if fee is None:
        raise TransitionError(
            _("Thủ tục chưa có mức lệ phí trong danh mục: vui lòng nhập số tiền lệ phí."),
            Refusal.FEE_UNKNOWN,
        )
    return fee


@operation
def payment_received(dossier: Dossier, actor: Any = None, note: str = "") -> Dossier:
    """6 -> 2 when the fee is paid: by the gateway's confirmed notification
    (actor None, the system) or at the counter (actor a receptionist).
    `note` says what was paid (amount, receipt) on the event. Safe to call
    twice: an already accepted dossier is returned unchanged."""
    dossier = _locked(dossier)
    if actor is not None:
        _require_role(actor, dossier, Role.RECEPTIONIST)
    if dossier.status != Status.AWAITING_PAYMENT and dossier.fee_paid_at is not None:
        return dossier
    _require_status(dossier, (Status.AWAITING_PAYMENT,))
    return _start_clock(dossier, actor, reason=note, fee_paid_at=timezone.now())


@operation
def refuse(dossier: Dossier, actor: Any, reason: str) -> Dossier:
    """1 -> 3 with reasons (slip 03)."""
    dossier = _locked(dossier)
    _require_role(actor, dossier, Role.RECEPTIONIST)
    _require_status(dossier, (Status.SUBMITTED,))
    return _move(
        dossier, actor, Status.REFUSED, reason=_require_reason(reason), closed_at=timezone.now()
    )


@operation
def request_supplement(dossier: Dossier, actor: Any, missing: list[str], note: str = "") -> Dossier:
    """-> 5, once and completely (slip 02); the clock stops. At reception
    (status 1) by the receptionist; in processing (status 4) by the
    assigned specialist, within 3 working days of receipt."""
    dossier = _locked(dossier)
    _require_status(dossier, (Status.SUBMITTED, Status.PROCESSING))
    missing = [item.strip() for item in missing if item and item.strip()]
    if not missing:
        raise TransitionError(
            _("Vui lòng liệt kê đầy đủ các giấy tờ cần bổ sung."), Refusal.MISSING_LIST_EMPTY
        )
    if supplement_used_up(dossier):
        raise TransitionError(
            _("Hồ sơ đã được yêu cầu bổ sung một lần; chỉ được yêu cầu bổ sung một lần, đầy đủ."),
            Refusal.SUPPLEMENT_ALREADY_REQUESTED,
        )
    if dossier.status == Status.SUBMITTED:
        _require_role(actor, dossier, Role.RECEPTIONIST)
    else:
        _require_assignee(actor, dossier)
        _require_within_supplement_window(dossier)
    return _move(
        dossier,
        actor,
        Status.SUPPLEMENT,
        reason=note,
        data={"missing": missing},
        supplement_requested_at=timezone.now(),
        supplement_status_from=dossier.status,
    )


def supplement_used_up(dossier: Dossier) -> bool:
    """The dossier's rules allow one request per stage and this stage has
    made it."""
    once = rules_of(dossier).supplement_once_per_stage
    return once and supplement_asked_from(dossier, dossier.status)


def supplement_asked_from(dossier: Dossier, stage: int) -> bool:
    """Reception and processing may each ask once (Decree 61/2018 art. 15
    and 19 are separate steps: guidance at the counter, then the handling
    agency's one request within 3 working days)."""
    return dossier.events.filter(to_status=Status.SUPPLEMENT, from_status=stage).exists()


def _require_assignee(actor: Any, dossier: Dossier) -> None:
    if dossier.assignee_id != getattr(actor, "pk", None):
        raise TransitionError(
            _("Chỉ chuyên viên được phân công mới thực hiện được."), Refusal.NOT_ASSIGNED
        )


def within_supplement_window(dossier: Dossier, today: date | None = None) -> bool:
    """In processing, a supplement may be asked within the rules' window
    (3 working days of receipt, Decree 61/2018 art. 19)."""
    if dossier.received_at is None:
        return False
    calendar = office_calendar()
    start = calendar.reception_day(dossier.received_at)
    elapsed = calendar.working_days_between(start, today or timezone.localdate())
    return elapsed <= rules_of(dossier).supplement_window_working_days


def _require_within_supplement_window(dossier: Dossier) -> None:
    if not within_supplement_window(dossier):
        days = rules_of(dossier).supplement_window_working_days
        raise TransitionError(
            _("Đã quá %(days)s ngày làm việc kể từ ngày tiếp nhận, không được yêu cầu bổ sung.")
            % {"days": days},
            Refusal.SUPPLEMENT_WINDOW_CLOSED,
        )


# --- Processing -----------------------------------------------------------


@operation
def assign(dossier: Dossier, actor: Any, specialist: Any) -> Dossier:
    """The leader assigns (or reassigns) a specialist: 2 -> 4."""
    dossier = _locked(dossier)
    _require_role(actor, dossier, Role.LEADER)
    _require_status(dossier, (Status.ACCEPTED, Status.PROCESSING))
    if not holds_role(specialist, dossier, Role.SPECIALIST):
        raise TransitionError(
            _("Người được phân công không phải chuyên viên của cơ quan."), Refusal.NOT_A_SPECIALIST
        )
    data = {"assignee": specialist.get_full_name()}
    if dossier.status == Status.ACCEPTED:
        return _move(
            dossier, actor, Status.PROCESSING, data=data, assignee=specialist, holder=specialist
        )
    Dossier.objects.filter(pk=dossier.pk).update(assignee=specialist, holder=specialist)
    dossier.assignee, dossier.holder = specialist, specialist
    events.record(dossier, actor=actor, kind=EventKind.ASSIGN, data=data)
    return dossier


@operation
def forward(dossier: Dossier, actor: Any, opinion: str) -> Dossier:
    """The specialist sends the appraised dossier with a draft result to
    the leader; the status stays 4, the holder changes."""
    dossier = _locked(dossier)
    _require_status(dossier, (Status.PROCESSING,))
    _require_assignee(actor, dossier)
    if dossier.holder_id != actor.pk:
        raise TransitionError(
            _("Hồ sơ đã được trình lãnh đạo, đang chờ phê duyệt."), Refusal.ALREADY_FORWARDED
        )
    Dossier.objects.filter(pk=dossier.pk).update(holder=None)
    dossier.holder = None
    events.record(
        dossier,
        actor=actor,
        kind=EventKind.FORWARD,
        reason=_require_reason(opinion),
        data={"forwarded": True},
    )
    return dossier


def was_forwarded(dossier: Dossier) -> bool:
    # A transfer to a successor agency hands the dossier over as it stood.
    last = (
        dossier.events.exclude(kind__in=(EventKind.NOTE, EventKind.TRANSFER))
        .order_by("-seq")
        .first()
    )
    return last is not None and last.kind == EventKind.FORWARD


@operation
def approve(dossier: Dossier, actor: Any) -> Dossier:
    """The leader approves the forwarded dossier: 4 -> 9, result ready."""
    dossier = _locked(dossier)
    _require_role(actor, dossier, Role.LEADER)
    _require_status(dossier, (Status.PROCESSING,))
    if not was_forwarded(dossier):
        raise TransitionError(
            _("Chuyên viên chưa trình hồ sơ để phê duyệt."), Refusal.NOT_FORWARDED
        )
    return _move(dossier, actor, Status.RESOLVED, resolved_at=timezone.now(), holder=None)


@operation
def send_back(dossier: Dossier, actor: Any, reason: str) -> Dossier:
    """The leader does not approve the forwarded draft and returns the
    dossier to its specialist with the reason; the status stays 4, the
    specialist holds it again, redrafts and forwards anew."""
    dossier = _locked(dossier)
    _require_role(actor, dossier, Role.LEADER)
    _require_status(dossier, (Status.PROCESSING,))
    if not was_forwarded(dossier):
        raise TransitionError(
            _("Hồ sơ chưa được trình lãnh đạo, không có gì để trả lại."), Refusal.NOT_FORWARDED
        )
    reason = _require_reason(reason)
    Dossier.objects.filter(pk=dossier.pk).update(holder=dossier.assignee_id)
    dossier.holder = dossier.assignee
    # "assignee" names whose hands it returns to, as an assignment does
    # (the control slip 05 and the back-office timeline read it).
    events.record(
        dossier,
        actor=actor,
        kind=EventKind.SEND_BACK,
        reason=reason,
        data={"assignee": dossier.assignee.get_full_name()},
    )
    return dossier


@operation
def stop(dossier: Dossier, actor: Any, reason: str) -> Dossier:
    """The leader stops processing with reasons: 4 -> 8."""
    dossier = _locked(dossier)
    _require_role(actor, dossier, Role.LEADER)
    _require_status(dossier, (Status.PROCESSING,))
    return _move(
        dossier,
        actor,
        Status.STOPPED,
        reason=_require_reason(reason),
        closed_at=timezone.now(),
        holder=None,
    )


@operation
def return_result(dossier: Dossier, actor: Any, tracking_number: str = "") -> Dossier:
    """9 -> 10 by the receptionist: handed over at the counter, or posted
    (then the postal tracking number is recorded)."""
    dossier = _locked(dossier)
    _require_role(actor, dossier, Role.RECEPTIONIST)
    _require_status(dossier, (Status.RESOLVED,))
    tracking_number = (tracking_number or "").strip()
    if dossier.delivery == Delivery.POST and not tracking_number:
        raise TransitionError(
            _("Vui lòng nhập mã bưu gửi khi gửi kết quả qua bưu chính."),
            Refusal.TRACKING_NUMBER_REQUIRED,
        )
    now = timezone.now()
    return _move(
        dossier,
        actor,
        Status.RETURNED,
        returned_at=now,
        closed_at=now,
        postal_tracking=tracking_number,
        data={"delivery": dossier.delivery, "tracking": tracking_number},
    )


@operation
def result_collected_online(dossier: Dossier, actor: Any) -> Dossier:
    """9 -> 10 when the applicant who chose online delivery first downloads
    the electronic result. Later downloads change nothing."""
    dossier = _locked(dossier)
    _require_applicant(actor, dossier)
    if dossier.status == Status.RETURNED or dossier.delivery != Delivery.ONLINE:
        return dossier
    _require_status(dossier, (Status.RESOLVED,))
    now = timezone.now()
    return _move(
        dossier,
        actor,
        Status.RETURNED,
        returned_at=now,
        closed_at=now,
        data={"delivery": Delivery.ONLINE},
    )


# Only while the clock runs: a dossier waiting for its fee or a supplement
# has no running deadline to apologise for.
APOLOGY_STATUSES = (Status.ACCEPTED, Status.PROCESSING)


def apology_possible(dossier: Dossier, today: date | None = None) -> bool:
    """The apology can still be made: the clock runs, no new date yet (when
    the rules allow only one), and the deadline is far enough away (at least
    a day, Decree 61/2018)."""
    rules = rules_of(dossier)
    return (
        dossier.status in APOLOGY_STATUSES
        and not (rules.new_date_once and dossier.extended_due_date is not None)
        and dossier.due_date is not None
        and (dossier.due_date - (today or timezone.localdate())).days
        >= rules.apology_days_before_due
    )


@operation
def apologise(dossier: Dossier, actor: Any, new_date: date, reason: str) -> Dossier:
    """Slip 04: the office will be late. Once per dossier, at least one day
    before the deadline, with a new date after it."""
    dossier = _locked(dossier)
    _require_role(actor, dossier, Role.LEADER, Role.RECEPTIONIST)
    _require_status(dossier, APOLOGY_STATUSES)
    if rules_of(dossier).new_date_once and dossier.extended_due_date is not None:
        raise TransitionError(
            _("Hồ sơ đã có phiếu xin lỗi và hẹn lại; chỉ được hẹn lại một lần."),
            Refusal.ALREADY_APOLOGISED,
        )
    if not apology_possible(dossier):
        raise TransitionError(
            _("Phiếu xin lỗi phải lập trước hạn trả ít nhất một ngày."), Refusal.APOLOGY_TOO_LATE
        )
    if new_date <= dossier.due_date:
        raise TransitionError(
            _("Ngày hẹn mới phải sau ngày hẹn trả cũ."), Refusal.NEW_DATE_NOT_LATER
        )
    if not office_calendar().is_working_day(new_date):
        raise TransitionError(
            _("Ngày hẹn mới phải là ngày làm việc."), Refusal.NEW_DATE_NOT_WORKING_DAY
        )
    reason = _require_reason(reason)
    Dossier.objects.filter(pk=dossier.pk).update(extended_due_date=new_date)
    dossier.extended_due_date = new_date
    event = events.record(
        dossier,
        actor=actor,
        kind=EventKind.APOLOGY,
        reason=reason,
        data={"old_due_date": dossier.due_date.isoformat(), "new_due_date": new_date.isoformat()},
    )
    due_date_extended.send(sender=Dossier, dossier=dossier, event=event)
    return dossier
