"""The fee is confirmed at reception; a dossier that owes one waits in 6."""

from __future__ import annotations

import pytest

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.fees import dossier_fee
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.testing import make_draft

COPY_RULE = {"kind": "per_copy", "amount": 8000, "exemptions": ["ho_ngheo"]}
COUNCIL_RULE = {"kind": "set_by_council", "amount": None, "exemptions": []}


def _submitted(cast, rule, exemption=""):
    cast.procedure.fee_rule = rule
    cast.procedure.save()
    draft = make_draft(cast)
    draft.form_data["copies"] = 3
    draft.fee_exemption = exemption
    draft.save()
    return lifecycle.submit(draft, cast.applicant)


def test_the_fee_is_computed_from_the_rule_at_submission(cast):
    dossier = _submitted(cast, COPY_RULE)
    assert dossier.fee_amount == 24000 == dossier_fee(dossier)


def test_a_dossier_that_owes_a_fee_waits_for_payment(cast):
    dossier = lifecycle.accept(_submitted(cast, COPY_RULE), cast.receptionist_a)
    assert dossier.status == Status.AWAITING_PAYMENT
    assert dossier.due_date is None
    paid = lifecycle.payment_received(dossier)
    assert paid.status == Status.ACCEPTED
    assert paid.due_date is not None and paid.fee_paid_at is not None


def test_payment_received_twice_changes_nothing_the_second_time(cast):
    dossier = lifecycle.accept(_submitted(cast, COPY_RULE), cast.receptionist_a)
    events = lifecycle.payment_received(dossier).event_count
    again = lifecycle.payment_received(dossier)
    assert again.status == Status.ACCEPTED and again.event_count == events


def test_a_confirmed_exemption_makes_the_fee_zero_and_starts_the_clock(cast):
    dossier = _submitted(cast, COPY_RULE, exemption="ho_ngheo")
    with pytest.raises(TransitionError, match="miễn"):
        lifecycle.accept(dossier, cast.receptionist_a)
    accepted = lifecycle.accept(dossier, cast.receptionist_a, exemption_confirmed=True)
    assert accepted.status == Status.ACCEPTED and accepted.fee_amount == 0


def test_a_rejected_exemption_leaves_the_fee_owed(cast):
    dossier = _submitted(cast, COPY_RULE, exemption="ho_ngheo")
    waiting = lifecycle.accept(dossier, cast.receptionist_a, exemption_confirmed=False)
    assert waiting.status == Status.AWAITING_PAYMENT and waiting.fee_amount == 24000


def test_a_council_fee_without_amount_must_be_entered_at_reception(cast):
    dossier = _submitted(cast, COUNCIL_RULE)
    assert dossier.fee_amount is None
    with pytest.raises(TransitionError, match="nhập số tiền"):
        lifecycle.accept(dossier, cast.receptionist_a)
    waiting = lifecycle.accept(dossier, cast.receptionist_a, fee_amount=50000)
    assert waiting.fee_amount == 50000 and waiting.status == Status.AWAITING_PAYMENT
