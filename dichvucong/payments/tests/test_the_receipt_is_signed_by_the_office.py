"""The e-receipt (biên lai) carries the signature of the agency that
collected the fee (the ward's own certificate from the demo CA), so a
receipt forwarded by e-mail can be checked on the verification page."""

from __future__ import annotations

import time_machine
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.documents import signing
from dichvucong.payments.receipts import receipt_pdf
from dichvucong.payments.services import record_counter_payment
from dichvucong.payments.tests.helpers import MONDAY_MORNING, awaiting_payment


def test_a_counter_payments_receipt_verifies_as_genuine(cast) -> None:
    with time_machine.travel(MONDAY_MORNING, tick=False):
        payment = record_counter_payment(awaiting_payment(cast), cast.receptionist_a)

    verdict = signing.verify(receipt_pdf(payment))

    assert verdict.genuine
    assert verdict.signer == "UBND phường Khương Mai – T.KM"
    assert verdict.signed_at is not None


def test_the_downloaded_receipt_is_the_signed_one(client, cast) -> None:
    with time_machine.travel(MONDAY_MORNING, tick=False):
        payment = record_counter_payment(awaiting_payment(cast), cast.receptionist_a)
    login_verified(client, cast.applicant)

    response = client.get(reverse("payments:receipt", args=[payment.public_id]))

    assert response.status_code == 200
    assert signing.verify(response.content).genuine
