"""DESIGN.md §6 (2026): a pupil's help counts when its dossier reached
its result within the campaign's school year (1 August 2016 to 1 August
2017 for the casts' campaign); a dossier accepted in the year and still in
progress at its end is shown as pending, never counted; withdrawn,
stopped and refused dossiers are neither."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier
from dichvucong.outreach import report
from dichvucong.outreach.assisted import record_on_behalf
from dichvucong.outreach.constants import SuccessRule
from dichvucong.outreach.models import Ambassador, AssistedSubmission
from dichvucong.outreach.tests.cast import add_pupil

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _helped(oc, dossier) -> None:
    ambassador = Ambassador.objects.create(
        campaign=oc.campaign,
        pupil=add_pupil(oc.class_a),
        residential_group=oc.group_a,
        since=date(2017, 3, 17),
    )
    AssistedSubmission.objects.create(
        dossier=dossier,
        ambassador=ambassador,
        household_key="h:1",
        channel="sms",
        confirmed_at=dossier.submitted_at,
    )
    fresh = Dossier.objects.get(pk=dossier.pk)
    record_on_behalf(fresh, ambassador.pk, actor=fresh.applicant, channel="sms")


def _figures(campaign):
    totals = report.build_report(campaign).totals
    return totals.succeeded, totals.dossiers, totals.pending


def _finish(cast, dossier) -> None:
    """Processing → resolved (the leader approves) → returned."""
    dossier = lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    dossier = lifecycle.approve(dossier, cast.leader_a)
    lifecycle.return_result(dossier, cast.receptionist_a)


def test_a_result_reached_after_the_years_end_is_pending_not_counted(oc, cast):
    dossier = make_dossier(cast, Status.PROCESSING)  # accepted on 15/05/2017
    _helped(oc, dossier)
    assert _figures(oc.campaign) == (0, 0, 1)  # in progress now: pending
    with time_machine.travel(datetime(2017, 8, 3, 9, 0, tzinfo=HANOI)):
        _finish(cast, dossier)
    assert _figures(oc.campaign) == (0, 0, 1)  # reached after 31/07/2017


def test_a_result_reached_on_the_last_day_counts(oc, cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    _helped(oc, dossier)
    with time_machine.travel(datetime(2017, 7, 31, 16, 0, tzinfo=HANOI)):
        _finish(cast, dossier)
    assert _figures(oc.campaign) == (1, 1, 0)


def test_the_stricter_rule_waits_for_the_hand_over_within_the_year(oc, cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    _helped(oc, dossier)
    with time_machine.travel(datetime(2017, 7, 31, 16, 0, tzinfo=HANOI)):
        dossier = lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
        dossier = lifecycle.approve(dossier, cast.leader_a)
    with time_machine.travel(datetime(2017, 8, 2, 9, 0, tzinfo=HANOI)):
        lifecycle.return_result(dossier, cast.receptionist_a)
    assert _figures(oc.campaign) == (1, 1, 0)
    oc.campaign.success_rule = SuccessRule.RETURNED
    oc.campaign.save()
    assert _figures(oc.campaign) == (0, 0, 1)


def test_a_result_of_the_year_before_counts_in_neither_column(oc, cast):
    with time_machine.travel(datetime(2016, 6, 1, 9, 0, tzinfo=HANOI)):
        dossier = make_dossier(cast, Status.RETURNED)
    _helped(oc, dossier)
    assert _figures(oc.campaign) == (0, 0, 0)


@pytest.mark.parametrize("status", [Status.WITHDRAWN, Status.STOPPED, Status.REFUSED])
def test_withdrawn_stopped_and_refused_are_neither_counted_nor_pending(oc, cast, status):
    dossier = make_dossier(cast, status)
    _helped(oc, dossier)
    assert _figures(oc.campaign) == (0, 0, 0)


def test_there_is_no_looser_rule_to_choose():
    assert set(SuccessRule.values) == {"result", "returned"}
