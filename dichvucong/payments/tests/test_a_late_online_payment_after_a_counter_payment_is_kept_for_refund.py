"""If the citizen pays online after the fee was taken at the counter, the
gateway has the money: the payment is recorded with its receipt (so the
office can refund it), the dossier is not touched again, and the operators
are warned."""

from __future__ import annotations

import logging

from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName, PaymentStatus
from dichvucong.payments.tests.helpers import call_ipn, ipn_params


def test_the_second_payment_is_receipted_and_a_refund_is_flagged(cast, client, dossier, caplog):
    online = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    services.record_counter_payment(dossier, cast.receptionist_a)
    dossier.refresh_from_db()
    events = dossier.event_count

    with caplog.at_level(logging.WARNING, logger="dichvucong.payments"):
        assert call_ipn(client, ipn_params(online, "00"))["RspCode"] == "00"

    online.refresh_from_db()
    dossier.refresh_from_db()
    assert online.status == PaymentStatus.PAID
    assert online.receipt_number.endswith("-000002")
    assert dossier.event_count == events
    assert "paid twice" in caplog.text and "refund" in caplog.text
