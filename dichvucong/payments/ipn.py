"""The gateway's server-to-server notification (VNPay IPN): the only thing
that marks an online payment paid.

The checks run in the order of VNPay's specification, each with its reply:
signature (97), order (01), amount (04), not yet confirmed (02); then the
outcome is recorded and the reply is 00, for a failed payment too, because
00 tells VNPay the notification was processed. Anything unexpected answers
99, so VNPay sends the notification again later. The payment row is locked
while it is checked and changed, so a notification and its replay cannot
both confirm it. Every call is logged as a GatewayNotice.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from dichvucong.conflicts import operation
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.payments import services
from dichvucong.payments.constants import (
    CONFIRM_SUCCESS,
    INVALID_AMOUNT,
    INVALID_SIGNATURE,
    ORDER_ALREADY_CONFIRMED,
    ORDER_NOT_FOUND,
    UNKNOWN_ERROR,
    IpnReply,
    NoticeKind,
    PaymentStatus,
    Verdict,
)
from dichvucong.payments.gateways import online_gateway
from dichvucong.payments.gateways.vnpay import Notification
from dichvucong.payments.models import Payment
from dichvucong.payments.notices import log_notice

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    reply: IpnReply
    verdict: str
    payment: Payment | None = None


def process(params: Mapping[str, str]) -> IpnReply:
    """Handle one notification and return the reply for VNPay."""
    try:
        outcome = _process(params)
    except Exception:  # VNPay must get an answer; 99 makes it retry later.
        logger.exception("payments: IPN processing failed")
        outcome = Outcome(UNKNOWN_ERROR, Verdict.ERROR)
    log_notice(NoticeKind.IPN, params, outcome.verdict, outcome.payment, outcome.reply.code)
    return outcome.reply


def _process(params: Mapping[str, str]) -> Outcome:
    gateway = online_gateway()
    if not gateway.verify(params):
        return Outcome(INVALID_SIGNATURE, Verdict.BAD_SIGNATURE)
    notification = Notification.from_params(params)
    found = Payment.objects.filter(txn_ref=notification.txn_ref, gateway=gateway.name)
    ids = found.values_list("pk", "dossier_id").first()
    if ids is None:
        return Outcome(ORDER_NOT_FOUND, Verdict.UNKNOWN_ORDER)
    return _settle(*ids, notification)


@operation
def _settle(payment_id: int, dossier_id: int, notification: Notification) -> Outcome:
    # The dossier first, then its payment: the lock order of every payment
    # operation (dossiers.locking), so a notification and a clerk taking
    # the fee at the counter cannot wait on each other.
    lock_dossier(dossier_id)
    payment = Payment.objects.select_for_update(of=("self",)).get(pk=payment_id)
    if notification.amount != payment.amount * 100:
        return Outcome(INVALID_AMOUNT, Verdict.BAD_AMOUNT, payment)
    if payment.status != PaymentStatus.PENDING:
        return Outcome(ORDER_ALREADY_CONFIRMED, Verdict.ALREADY_CONFIRMED, payment)
    if notification.succeeded:
        services.confirm_online_payment(payment, notification)
        return Outcome(CONFIRM_SUCCESS, Verdict.PAID, payment)
    services.record_online_failure(payment, notification)
    return Outcome(CONFIRM_SUCCESS, Verdict.FAILED, payment)
