"""Scenario by scenario, whether an assisted dossier counts as a pupil
"completing an online public service" under each success rule."""

from __future__ import annotations

from datetime import date

import pytest

from dichvucong.outreach import report
from dichvucong.outreach.constants import SuccessRule
from dichvucong.outreach.models import Ambassador, Campaign
from dichvucong.outreach.tests.cast import add_pupil
from dichvucong.outreach.tests.report_tests.generated import World, assist

# scenario: (counts when a result is enough, counts when "returned" is required)
EXPECTED = {
    "submitted": (False, False),
    "accepted": (False, False),
    "refused": (False, False),
    "processing": (False, False),
    "supplement_at_reception": (False, False),
    "withdrawn_before_acceptance": (False, False),
    "withdrawn_after_acceptance": (False, False),
    "stopped": (False, False),
    "resolved": (True, False),
    "returned": (True, True),
    "awaiting_payment": (False, False),
    "supplied_then_accepted": (False, False),
    "practice": (False, False),
    "unconfirmed": (False, False),
    "draft": (False, False),
}


def _dossiers(campaign: Campaign) -> int:
    return report.build_report(campaign).totals.dossiers


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_an_assisted_dossier_counts_only_when_the_rule_is_met(oc, cast, scenario):
    world = World(oc, cast, oc.campaign, oc.campaign)
    ambassador = Ambassador.objects.create(
        campaign=oc.campaign,
        pupil=add_pupil(oc.class_a),
        residential_group=oc.group_a,
        since=date(2017, 3, 17),
    )
    assist(world, ambassador, scenario, "u:1")
    when_accepted, when_returned = EXPECTED[scenario]
    assert _dossiers(oc.campaign) == int(when_accepted)
    oc.campaign.success_rule = SuccessRule.RETURNED
    oc.campaign.save()
    assert _dossiers(oc.campaign) == int(when_returned)
