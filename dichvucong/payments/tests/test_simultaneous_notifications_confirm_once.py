"""The same success notification arriving on several app servers at once
confirms the payment once: the payment row is locked while it is checked."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_cast
from dichvucong.payments import ipn, services
from dichvucong.payments.constants import GatewayName
from dichvucong.payments.models import Payment, ReceiptSequence
from dichvucong.payments.tests.helpers import awaiting_payment, ipn_params

PARALLEL = 10


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_ten_copies_at_once_give_one_confirmation_and_one_receipt(tmp_media):
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    cast = make_cast()
    dossier = awaiting_payment(cast)
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    params = ipn_params(payment, "00")
    barrier = threading.Barrier(PARALLEL)
    codes: list[str] = []

    def work() -> None:
        try:
            barrier.wait(timeout=30)
            codes.append(ipn.process(params).code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(codes) == ["00"] + ["02"] * (PARALLEL - 1)
    assert Payment.objects.exclude(receipt_number=None).count() == 1
    assert ReceiptSequence.objects.get().last == 1
    dossier.refresh_from_db()
    assert dossier.status == Status.ACCEPTED
    assert dossier.events.filter(to_status=Status.ACCEPTED).count() == 1
