"""The receptionist of ward A records a cash payment for a ward-A dossier:
a paid payment with a receipt, and the dossier accepted. Staff of ward B,
and other roles, get a 404 and change nothing."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.payments import ipn, services
from dichvucong.payments.constants import GatewayName, PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import MONDAY_MORNING, awaiting_payment, ipn_params, page


def _url(dossier) -> str:
    return reverse("payments:counter", args=[dossier.public_id])


def test_the_receptionist_of_ward_a_takes_the_fee_at_the_counter(cast, client):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = awaiting_payment(cast)
        login_verified(client, cast.receptionist_a)
        assert "24.000 đ" in page(client.get(_url(dossier)))

        response = client.post(_url(dossier), follow=True)

        payment = Payment.objects.get(dossier=dossier)
        assert payment.gateway == GatewayName.COUNTER
        assert payment.status == PaymentStatus.PAID and payment.amount == 24_000
        assert payment.receipt_number == "BL-2026-000001"
        assert payment.recorded_by == cast.receptionist_a
        assert "BL-2026-000001" in page(response)
        dossier.refresh_from_db()
        assert dossier.status == Status.ACCEPTED and dossier.due_date is not None
        assert dossier.events.order_by("-seq").first().actor == cast.receptionist_a


def test_a_second_click_records_nothing_more_and_says_so(cast, client, dossier):
    login_verified(client, cast.receptionist_a)
    client.post(_url(dossier))
    response = client.post(_url(dossier), follow=True)
    assert "Hồ sơ đã nộp phí, lệ phí (biên lai số BL-" in page(response)
    assert Payment.objects.filter(dossier=dossier).count() == 1


def test_a_fee_paid_online_is_not_taken_again_at_the_counter(cast, client, dossier):
    online = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    ipn.process(ipn_params(online, "00"))
    login_verified(client, cast.receptionist_a)
    client.post(_url(dossier))
    assert list(Payment.objects.filter(dossier=dossier)) == [online]


@pytest.mark.parametrize("who", ["receptionist_b", "leader_b", "specialist_a", "applicant"])
def test_anyone_else_gets_404_and_nothing_changes(cast, client, dossier, who):
    login_verified(client, getattr(cast, who))
    assert client.get(_url(dossier)).status_code == 404
    assert client.post(_url(dossier)).status_code == 404
    assert not Payment.objects.exists()
    dossier.refresh_from_db()
    assert dossier.status == Status.AWAITING_PAYMENT


def test_a_dossier_that_owes_nothing_cannot_be_charged(cast, client, dossier):
    login_verified(client, cast.receptionist_a)
    client.post(_url(dossier))
    dossier.refresh_from_db()
    Payment.objects.all().delete()
    response = client.post(_url(dossier), follow=True)
    assert "không ở trạng thái chờ nộp" in page(response)
    assert not Payment.objects.exists()
