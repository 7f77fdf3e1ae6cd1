"""An unexpected failure while confirming answers 99 (VNPay will send the
notification again) and leaves nothing half done."""

from __future__ import annotations

from dichvucong.dossiers.constants import Status
from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName, PaymentStatus, Verdict
from dichvucong.payments.models import GatewayNotice, ReceiptSequence
from dichvucong.payments.tests.helpers import call_ipn, ipn_params


def test_a_crash_answers_99_rolls_back_and_the_retry_succeeds(cast, client, dossier, monkeypatch):
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    params = ipn_params(payment, "00")

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    with monkeypatch.context() as patch:
        patch.setattr("dichvucong.dossiers.lifecycle.payment_received", broken)
        assert call_ipn(client, params) == {"RspCode": "99", "Message": "Unknown error"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING and payment.receipt_number is None
    assert not ReceiptSequence.objects.filter(last__gt=0).exists()
    assert GatewayNotice.objects.get().verdict == Verdict.ERROR

    assert call_ipn(client, params)["RspCode"] == "00"
    dossier.refresh_from_db()
    assert dossier.status == Status.ACCEPTED
