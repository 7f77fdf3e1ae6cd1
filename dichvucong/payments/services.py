"""Payment operations: the public surface other apps and the views call.

A payment changes a dossier only through lifecycle.payment_received(),
called here in the same transaction that marks the payment paid. Online,
only the gateway's verified notification (payments.ipn) does that; at the
counter, the receptionist who takes the cash; for a bank transfer, the
receptionist who imports the bank's statement (payments.reconcile).
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import Role
from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.conflicts import operation
from dichvucong.dossiers import access, lifecycle
from dichvucong.dossiers.constants import Refusal, Status
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier
from dichvucong.lib.money import format_vnd
from dichvucong.payments import bank_transfer
from dichvucong.payments.bank_transfer import Transfer
from dichvucong.payments.constants import (
    CANCELLED_BY_CUSTOMER,
    PAYMENT_WINDOW_MINUTES,
    GatewayName,
    PaymentStatus,
)
from dichvucong.payments.gateways.vnpay import Notification
from dichvucong.payments.models import Payment
from dichvucong.payments.receipts import issue_receipt_number

logger = logging.getLogger(__name__)


class PaymentError(Exception):
    """An operation the rules refuse now; the message is for the user,
    `code` (a dossiers.constants.Refusal, or "payment_refused") for programs."""

    def __init__(self, message: str, code: str = "payment_refused") -> None:
        super().__init__(message)
        self.code = str(code)


def pays_online(dossier: Dossier) -> bool:
    """Level 4 (toàn trình): the fee is paid online; level 3 at the office."""
    return dossier.procedure.online_level >= OnlineLevel.FULL


def awaits_payment(dossier: Dossier) -> bool:
    return dossier.status == Status.AWAITING_PAYMENT and bool(dossier.fee_amount)


def _locked(dossier: Dossier) -> Dossier:
    return lock_dossier(dossier, "procedure", "agency")


def _require_awaiting(dossier: Dossier) -> None:
    if not awaits_payment(dossier):
        raise PaymentError(_("Hồ sơ không ở trạng thái chờ nộp phí, lệ phí."), Refusal.FEE_NOT_DUE)


@operation
def start_online_payment(dossier: Dossier, applicant: Any, gateway: str) -> Payment:
    """A pending payment to send to the gateway: the one started less than
    15 minutes ago if any (a reload or a second click must not open a
    second order), else a new one. Older pending payments are left pending:
    a late notification for them must still find them."""
    dossier = _locked(dossier)
    if dossier.applicant_id != getattr(applicant, "pk", None):
        raise PaymentError(_("Chỉ người nộp hồ sơ được thanh toán trực tuyến."))
    _require_awaiting(dossier)
    if not pays_online(dossier):
        raise PaymentError(_("Thủ tục này nộp lệ phí tại Bộ phận Một cửa."))
    since = timezone.now() - timedelta(minutes=PAYMENT_WINDOW_MINUTES)
    reusable = (
        dossier.payments.filter(
            status=PaymentStatus.PENDING,
            gateway=gateway,
            amount=dossier.fee_amount,
            created_at__gt=since,
        )
        .order_by("-created_at")
        .first()
    )
    return reusable or Payment.objects.create_unique(
        dossier=dossier, amount=dossier.fee_amount, gateway=gateway
    )


@operation
def start_bank_transfer(dossier: Dossier, applicant: Any) -> Transfer:
    """The transfer the fee page asks for, with its pending payment: the
    pending bank payment of this amount if there is one (every view of the
    page shows the same reference), else a new one. A transfer does not
    expire like a gateway's order: whenever it reaches the statement, its
    reference still finds the payment."""
    dossier = _locked(dossier)
    if dossier.applicant_id != getattr(applicant, "pk", None):
        raise PaymentError(_("Chỉ người nộp hồ sơ được thanh toán trực tuyến."))
    _require_awaiting(dossier)
    if not pays_online(dossier):
        raise PaymentError(_("Thủ tục này nộp lệ phí tại Bộ phận Một cửa."))
    account = bank_transfer.account_for(dossier.agency)
    if account is None:
        raise PaymentError(_("Cơ quan chưa có tài khoản nhận chuyển khoản."))
    pending = dossier.payments.filter(
        status=PaymentStatus.PENDING, gateway=GatewayName.BANK, amount=dossier.fee_amount
    ).first()
    payment = pending or Payment.objects.create_unique(
        dossier=dossier, amount=dossier.fee_amount, gateway=GatewayName.BANK
    )
    return Transfer(account, payment.amount, payment.txn_ref)


@operation
def record_counter_payment(dossier: Dossier, actor: Any) -> Payment:
    """The receptionist took the fee in cash: a paid payment with its
    receipt, and the dossier accepted. Refused once the fee is paid, online
    or by a first click, so that nobody takes it twice."""
    dossier = _locked(dossier)
    if not access.holds_role(actor, dossier, Role.RECEPTIONIST):
        raise PaymentError(_("Bạn không có quyền thu lệ phí hồ sơ này."), Refusal.NOT_PERMITTED)
    already = dossier.payments.filter(status=PaymentStatus.PAID).first()
    if already is not None and dossier.status != Status.AWAITING_PAYMENT:
        raise PaymentError(
            _("Hồ sơ đã nộp phí, lệ phí (biên lai số %(number)s).")
            % {"number": already.receipt_number},
            Refusal.FEE_ALREADY_PAID,
        )
    _require_awaiting(dossier)
    now = timezone.now()
    payment = Payment.objects.create_unique(
        dossier=dossier,
        amount=dossier.fee_amount,
        gateway=GatewayName.COUNTER,
        status=PaymentStatus.PAID,
        pay_date=now,
        paid_at=now,
        recorded_by=actor,
        receipt_number=issue_receipt_number(now),
    )
    try:
        lifecycle.payment_received(dossier, actor, paid_note(payment))
    except TransitionError as error:
        raise PaymentError(str(error), error.code) from error
    return payment


def paid_note(payment: Payment) -> str:
    """What the acceptance event says was paid, in the applicant's timeline."""
    with translation.override("vi"):
        how = {
            GatewayName.COUNTER: _("tại Bộ phận Một cửa"),
            GatewayName.BANK: _("bằng chuyển khoản ngân hàng"),
        }.get(payment.gateway, _("trực tuyến"))
        return _("Đã nộp phí, lệ phí %(amount)s %(how)s, biên lai số %(number)s.") % {
            "amount": format_vnd(payment.amount),
            "how": how,
            "number": payment.receipt_number,
        }


def _record_facts(payment: Payment, notification: Notification) -> None:
    payment.response_code = notification.response_code[:2]
    payment.transaction_no = notification.transaction_no
    payment.bank_code = notification.bank_code
    payment.pay_date = notification.pay_date


def confirm_online_payment(payment: Payment, notification: Notification) -> None:
    """Paid, with its receipt, and the dossier accepted: in the caller's
    transaction, with the payment row locked by the caller."""
    _record_facts(payment, notification)
    _confirm_paid(payment)


def confirm_bank_transfer(
    payment: Payment, bank_transaction_id: str, booked_at: datetime, actor: Any
) -> None:
    """The same confirmation for a transfer found in the bank's statement
    by `actor` (a receptionist of the agency), who is the actor of the
    dossier's acceptance event. The caller holds the locks, as for the IPN."""
    payment.bank_transaction_id = bank_transaction_id
    payment.pay_date = booked_at
    _confirm_paid(payment, actor)


def _confirm_paid(payment: Payment, actor: Any = None) -> None:
    payment.status = PaymentStatus.PAID
    payment.paid_at = timezone.now()
    payment.receipt_number = issue_receipt_number(payment.paid_at)
    payment.save()
    if payment.dossier.payments.filter(status=PaymentStatus.PAID).exclude(pk=payment.pk).exists():
        # The gateway or the bank took the money, so it is recorded and
        # receipted; the office has to refund one of the two.
        logger.warning(
            "payments: dossier %s paid twice (payment %s); a refund is due",
            payment.dossier_id,
            payment.txn_ref,
        )
    try:
        with transaction.atomic():
            lifecycle.payment_received(payment.dossier, actor, note=paid_note(payment))
    except TransitionError:
        logger.warning(
            "payments: payment %s confirmed but dossier %s does not await payment",
            payment.txn_ref,
            payment.dossier_id,
        )


def record_online_failure(payment: Payment, notification: Notification) -> None:
    _record_facts(payment, notification)
    cancelled = notification.response_code == CANCELLED_BY_CUSTOMER
    payment.status = PaymentStatus.CANCELLED if cancelled else PaymentStatus.FAILED
    payment.save()


def visible_receipt(user: Any, public_id: uuid.UUID) -> Payment | None:
    """A paid payment whose dossier the user may see: its applicant or the
    staff of its agency. None for anyone else, as for an unknown id."""
    payment = (
        Payment.objects.select_related("dossier__agency", "dossier__procedure", "recorded_by")
        .filter(public_id=public_id, status=PaymentStatus.PAID)
        .first()
    )
    if payment is None:
        return None
    dossier_id = payment.dossier_id
    if (
        access.applicant_dossiers(user).filter(pk=dossier_id).exists()
        or access.readable_staff_dossiers(user).filter(pk=dossier_id).exists()
    ):
        return payment
    return None
