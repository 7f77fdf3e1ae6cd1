"""A validly signed notification whose amount is not the order's answers
04 and pays nothing."""

from __future__ import annotations

from dichvucong.dossiers.constants import Status
from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName, PaymentStatus, Verdict
from dichvucong.payments.models import GatewayNotice
from dichvucong.payments.tests.helpers import call_ipn, ipn_params


def test_a_signed_notification_for_less_money_answers_04(cast, client, dossier):
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    reply = call_ipn(client, ipn_params(payment, "00", amount=1_000))
    assert reply == {"RspCode": "04", "Message": "Invalid amount"}
    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING and payment.receipt_number is None
    assert dossier.status == Status.AWAITING_PAYMENT
    assert GatewayNotice.objects.get().verdict == Verdict.BAD_AMOUNT


def test_the_right_amount_after_a_refused_one_is_still_accepted(cast, client, dossier):
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    call_ipn(client, ipn_params(payment, "00", amount=payment.amount + 1))
    assert call_ipn(client, ipn_params(payment, "00"))["RspCode"] == "00"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
