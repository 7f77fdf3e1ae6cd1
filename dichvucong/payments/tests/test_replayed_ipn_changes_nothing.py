"""VNPay repeats a notification until it gets an answer; a replay, of a
success or of a failure, answers 02 and changes nothing."""

from __future__ import annotations

from dichvucong.dossiers.constants import Status
from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName, PaymentStatus
from dichvucong.payments.models import Payment, ReceiptSequence
from dichvucong.payments.tests.helpers import call_ipn, ipn_params


def test_a_replayed_success_answers_02_with_one_receipt_and_one_acceptance(cast, client, dossier):
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    params = ipn_params(payment, "00")
    assert call_ipn(client, params) == {"RspCode": "00", "Message": "Confirm Success"}
    dossier.refresh_from_db()
    events = dossier.event_count

    for _ in range(3):
        assert call_ipn(client, params) == {"RspCode": "02", "Message": "Order already confirmed"}

    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert Payment.objects.exclude(receipt_number=None).count() == 1
    assert ReceiptSequence.objects.get().last == 1
    assert dossier.status == Status.ACCEPTED and dossier.event_count == events


def test_a_success_after_a_recorded_failure_is_already_confirmed(cast, client, dossier):
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    assert call_ipn(client, ipn_params(payment, "24"))["RspCode"] == "00"
    assert call_ipn(client, ipn_params(payment, "00"))["RspCode"] == "02"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CANCELLED
