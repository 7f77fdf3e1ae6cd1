"""Every level against every minimum a procedure can ask: an account
submits when its level is at least the procedure's, and a confirmed phone
is the floor whatever the procedure says. Each refusal says how to raise
the level."""

from __future__ import annotations

import pytest
import time_machine

from dichvucong.accounts import services
from dichvucong.accounts.constants import (
    ASSURANCE_ORDER,
    PROCEDURE_MINIMUM_CHOICES,
    AssuranceLevel,
    assurance_rank,
)
from dichvucong.accounts.tests.identity_steps import draft_at_level
from dichvucong.api.tests.helpers import at
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers import submission
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_cast

MINIMUMS = [value for value, _label in PROCEDURE_MINIMUM_CHOICES]
HOW = {
    AssuranceLevel.PHONE_CONFIRMED: "Xác nhận số điện thoại",
    AssuranceLevel.COUNTER_VERIFIED: "mang thẻ căn cước đến Bộ phận Một cửa",
    AssuranceLevel.NATIONAL_EID: "VNeID",
}


@pytest.fixture
def cast(db):
    return make_cast()


def test_the_levels_are_ordered_weakest_first():
    assert ASSURANCE_ORDER == [
        "self_declared",
        "phone_confirmed",
        "counter_verified",
        "national_eid",
    ]
    assert AssuranceLevel.SELF_DECLARED not in MINIMUMS


def test_a_new_procedure_asks_for_a_confirmed_phone(cast):
    assert Procedure._meta.get_field("min_assurance").default == AssuranceLevel.PHONE_CONFIRMED
    assert cast.procedure.min_assurance == AssuranceLevel.PHONE_CONFIRMED


@pytest.mark.parametrize("minimum", MINIMUMS)
@pytest.mark.parametrize("level", ASSURANCE_ORDER)
def test_a_level_submits_only_where_it_is_enough(cast, level, minimum):
    Procedure.objects.filter(pk=cast.procedure.pk).update(min_assurance=minimum)
    draft = draft_at_level(cast, level)
    enough = assurance_rank(level) >= assurance_rank(minimum)
    with time_machine.travel(at(2026, 12, 1), tick=False):
        if enough:
            assert submission.submit_dossier(draft, cast.applicant).status == Status.SUBMITTED
            return
        with pytest.raises(submission.AssuranceTooLow) as refused:
            submission.submit_dossier(draft, cast.applicant)
    # The way up named is the procedure's level: for a self-declared account
    # and a procedure asking for more, confirming the phone would not do.
    assert HOW[minimum] in str(refused.value)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_an_account_without_a_profile_counts_as_self_declared(cast):
    assert services.assurance_of(cast.receptionist_a) == AssuranceLevel.SELF_DECLARED
    refusal = services.assurance_refusal(cast.receptionist_a, AssuranceLevel.PHONE_CONFIRMED)
    assert refusal is not None


def test_a_minimum_below_the_floor_still_needs_a_confirmed_phone(cast):
    draft_at_level(cast, AssuranceLevel.SELF_DECLARED)
    refusal = services.assurance_refusal(cast.applicant, AssuranceLevel.SELF_DECLARED)
    assert refusal is not None and HOW[AssuranceLevel.PHONE_CONFIRMED] in refusal
