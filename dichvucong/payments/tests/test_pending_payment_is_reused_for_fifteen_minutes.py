"""Pressing "Thanh toán trực tuyến" again within 15 minutes sends the same
order (no second order to pay twice); after that, when the gateway has
expired the first one, a new order is made and the old one kept pending
so that a late notification still finds it."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from dichvucong.payments.constants import PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import (
    MONDAY_MORNING,
    awaiting_payment,
    query_of,
    start_payment,
)


def test_the_same_order_is_sent_for_15_minutes_then_a_new_one(cast, client):
    with time_machine.travel(MONDAY_MORNING, tick=False) as clock:
        dossier = awaiting_payment(cast)
        client.force_login(cast.applicant)
        first = query_of(start_payment(client, dossier))
        assert first["vnp_ExpireDate"] == "20260316091500"

        clock.shift(timedelta(minutes=14))
        again = query_of(start_payment(client, dossier))
        assert again["vnp_TxnRef"] == first["vnp_TxnRef"]
        assert again["vnp_ExpireDate"] == first["vnp_ExpireDate"]

        clock.shift(timedelta(minutes=2))
        later = query_of(start_payment(client, dossier))
        assert later["vnp_TxnRef"] != first["vnp_TxnRef"]
        assert later["vnp_CreateDate"] == "20260316091600"

    statuses = set(Payment.objects.values_list("status", flat=True))
    assert Payment.objects.count() == 2 and statuses == {PaymentStatus.PENDING}
