from __future__ import annotations

import dataclasses

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report
from dichvucong.outreach.tests.report_tests.direct import commended

CRITERIA = [
    {"min_dossiers": 1, "min_households": 1, "require_trained": False, "quota_per_school": None},
    {"min_dossiers": 1, "min_households": 1, "require_trained": True, "quota_per_school": None},
    {"min_dossiers": 2, "min_households": 2, "require_trained": False, "quota_per_school": None},
    {"min_dossiers": 1, "min_households": 1, "require_trained": False, "quota_per_school": 2},
]


@pytest.mark.parametrize("criteria", CRITERIA)
def test_the_list_holds_exactly_the_pupils_a_direct_count_finds(world, criteria):
    built = report.build_report(world.campaign, report.Criteria(**criteria))
    assert [c.pupil_id for c in built.commendations] == commended(world.campaign, criteria)


def test_each_criterion_changes_the_list_and_erased_pupils_are_left_out(world):
    lists = [commended(world.campaign, criteria) for criteria in CRITERIA]
    widest = set(lists[0])
    assert all(set(other) < widest for other in lists[1:])
    erased = {p.pk for p in world.pupils if p.erased_at is not None}
    built = report.build_report(world.campaign, report.Criteria(**CRITERIA[0]))
    assert erased and not erased & {c.pupil_id for c in built.commendations}


def test_criteria_are_kept_on_the_report_and_used_by_the_page(world, client):
    criteria = report.Criteria(min_dossiers=2, min_households=2, require_trained=False)
    login_verified(client, world.oc.education)
    response = client.post(
        f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/tieu-chi/",
        {"min_dossiers": 2, "min_households": 2, "quota_per_school": ""},
    )
    assert response.status_code == 302
    row = report.report_row(world.campaign)
    assert row.criteria == dataclasses.asdict(criteria)
    page = client.get(f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/")
    assert len(page.context["listed"]) == len(commended(world.campaign, row.criteria))
