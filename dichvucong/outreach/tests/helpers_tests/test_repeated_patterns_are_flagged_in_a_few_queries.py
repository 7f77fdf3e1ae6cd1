"""outreach/flags.py: one phone behind several new applicants is flagged
(masked, to each pupil who helped them), a helper's ordinary day is not,
and the flags of a campaign take the same few queries whatever its size."""

from __future__ import annotations

from dichvucong.accounts.models import CitizenProfile
from dichvucong.outreach import assisted, flags
from dichvucong.outreach.tests.helpers_tests.steps import NEIGHBOUR, ready_draft


def _new(number: int) -> assisted.ApplicantDetails:
    return assisted.ApplicantDetails(
        full_name=f"Người Mới Số {number}",
        id_number=f"0010850991{number:02d}",
        phone=f"09990002{number:02d}",
    )


def test_one_phone_behind_two_new_applicants_is_flagged_masked(hc):
    ready_draft(hc, _new(1))
    ready_draft(hc, _new(2))
    # The phone changed afterwards (an edit, an import): the flag still sees it.
    CitizenProfile.objects.filter(id_number=_new(2).id_number).update(phone=_new(1).phone)
    (flag,) = flags.campaign_flags(hc.campaign)
    assert (flag.kind, flag.pupil_id, flag.count) == (flags.SHARED_PHONE, hc.pupil.pk, 2)
    assert _new(1).phone not in flag.message and "2 người nộp mới" in flag.message


def test_a_helpers_ordinary_day_raises_nothing(hc):
    ready_draft(hc)  # Lan, who has her own account
    ready_draft(hc, _new(1))
    ready_draft(hc, _new(2))
    assert flags.campaign_flags(hc.campaign) == []
    assert flags.pupil_flags([hc.pupil.pk]) == []


def test_the_flags_take_the_same_few_queries_whatever_the_size(hc, django_assert_max_num_queries):
    for number in range(1, 4):
        ready_draft(hc, _new(number))
    CitizenProfile.objects.filter(id_number=_new(2).id_number).update(phone=_new(1).phone)
    with django_assert_max_num_queries(4):
        few = flags.campaign_flags(hc.campaign, [hc.school.pk])
    for number in range(4, 12):
        ready_draft(hc, _new(number))
    with django_assert_max_num_queries(4):
        many = flags.campaign_flags(hc.campaign, [hc.school.pk])
    assert len(few) == 2 and len(many) == 2
    assert NEIGHBOUR.phone not in "".join(f.message for f in many)
