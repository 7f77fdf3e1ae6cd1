"""A signed notification for an order we never made answers 01."""

from __future__ import annotations

from dichvucong.payments import services
from dichvucong.payments.constants import PaymentStatus, Verdict
from dichvucong.payments.models import GatewayNotice, Payment
from dichvucong.payments.tests.helpers import call_ipn, ipn_params


def test_an_unknown_txn_ref_answers_01(cast, client, dossier):
    ghost = Payment(dossier=dossier, amount=24_000, txn_ref="260316FFFFFFFF")
    reply = call_ipn(client, ipn_params(ghost, "00"))
    assert reply == {"RspCode": "01", "Message": "Order not found"}
    assert not Payment.objects.exists()
    assert GatewayNotice.objects.get().verdict == Verdict.UNKNOWN_ORDER


def test_a_counter_payments_reference_is_not_an_online_order(cast, client, dossier):
    counter = services.record_counter_payment(dossier, cast.receptionist_a)
    assert call_ipn(client, ipn_params(counter, "00"))["RspCode"] == "01"
    counter.refresh_from_db()
    assert counter.status == PaymentStatus.PAID and counter.transaction_no == ""
