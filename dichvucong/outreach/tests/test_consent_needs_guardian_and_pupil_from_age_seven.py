from __future__ import annotations

from datetime import date

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import services
from dichvucong.outreach.constants import ConsentGiver, ConsentMethod
from dichvucong.outreach.tests.cast import add_pupil

MARCH_2017 = date(2017, 3, 1)


def _consent(pupil, giver, given=True, by=None):
    return services.record_consent(
        pupil, giver=giver, given=given, method=ConsentMethod.PAPER, by=by
    )


def test_a_grade_eight_pupil_needs_both_the_guardians_and_their_own_consent(oc):
    pupil = add_pupil(oc.class_a, year=2003)
    assert not services.has_full_consent(pupil, MARCH_2017)
    _consent(pupil, ConsentGiver.GUARDIAN)
    assert not services.has_full_consent(pupil, MARCH_2017)
    _consent(pupil, ConsentGiver.PUPIL)
    assert services.has_full_consent(pupil, MARCH_2017)


def test_the_pupils_own_consent_alone_is_not_enough(oc):
    pupil = add_pupil(oc.class_a, year=2003)
    _consent(pupil, ConsentGiver.PUPIL)
    assert not services.has_full_consent(pupil, MARCH_2017)


def test_under_seven_the_guardians_consent_is_enough(oc):
    child = add_pupil(oc.class_a, year=2011)  # at most 6 in 2017
    _consent(child, ConsentGiver.GUARDIAN)
    assert services.has_full_consent(child, MARCH_2017)


def test_a_child_turning_seven_this_year_counts_as_seven(oc):
    # Only the year of birth is kept, so the safe reading is taken.
    child = add_pupil(oc.class_a, year=2010)
    _consent(child, ConsentGiver.GUARDIAN)
    assert not services.has_full_consent(child, MARCH_2017)


def test_an_unknown_year_of_birth_asks_for_both(oc):
    pupil = add_pupil(oc.class_a, year=None)
    _consent(pupil, ConsentGiver.GUARDIAN)
    assert not services.has_full_consent(pupil, MARCH_2017)


def test_a_later_withdrawal_supersedes_the_consent(oc):
    pupil = add_pupil(oc.class_a, year=2003)
    _consent(pupil, ConsentGiver.GUARDIAN)
    _consent(pupil, ConsentGiver.PUPIL)
    _consent(pupil, ConsentGiver.GUARDIAN, given=False)
    assert not services.has_full_consent(pupil, MARCH_2017)
    assert pupil.consents.count() == 3  # the history is kept


def test_the_pupil_page_records_a_consent(oc, client):
    pupil = add_pupil(oc.class_a, year=2003)
    login_verified(client, oc.coordinator_a)
    for giver in (ConsentGiver.GUARDIAN, ConsentGiver.PUPIL):
        response = client.post(
            f"/tuyen-truyen/hoc-sinh/{pupil.pk}/dong-y/",
            {"giver": giver, "given": "yes", "method": ConsentMethod.PAPER},
        )
        assert response.status_code == 302
    assert services.has_full_consent(pupil)
    assert set(pupil.consents.values_list("recorded_by", flat=True)) == {oc.coordinator_a.pk}
