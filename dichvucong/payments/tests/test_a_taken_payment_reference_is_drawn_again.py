"""Payment references are random (they tell nothing and cannot be
guessed), so two can meet; the unique index judges and a taken reference
is drawn again, instead of the payment failing with a 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import IntegrityError

from dichvucong.payments import models
from dichvucong.payments.constants import GatewayName
from dichvucong.payments.models import Payment, new_txn_ref
from dichvucong.payments.services import start_online_payment


def _draws(*references: str) -> Iterator[str]:
    yield from references


def test_a_reference_has_the_date_and_twelve_random_hex_digits(db) -> None:
    reference = new_txn_ref()
    assert len(reference) == 18 and reference[6:].isalnum() and reference[6:].isupper()


def test_a_colliding_reference_is_drawn_again(dossier, monkeypatch) -> None:
    taken = Payment.objects.create(dossier=dossier, amount=1, gateway=GatewayName.SANDBOX,
                                   txn_ref="261205AAAAAAAAAAAA", status="failed")
    draws = _draws(taken.txn_ref, "261205BBBBBBBBBBBB")
    monkeypatch.setattr(models, "new_txn_ref", lambda: next(draws))
    payment = start_online_payment(dossier, dossier.applicant, GatewayName.SANDBOX)
    assert payment.txn_ref == "261205BBBBBBBBBBBB"
    assert Payment.objects.count() == 2


def test_after_five_taken_draws_the_error_is_not_hidden(dossier, monkeypatch) -> None:
    taken = Payment.objects.create(dossier=dossier, amount=1, gateway=GatewayName.SANDBOX,
                                   txn_ref="261205AAAAAAAAAAAA", status="failed")
    monkeypatch.setattr(models, "new_txn_ref", lambda: taken.txn_ref)
    with pytest.raises(IntegrityError):
        Payment.objects.create_unique(dossier=dossier, amount=1, gateway=GatewayName.SANDBOX)
