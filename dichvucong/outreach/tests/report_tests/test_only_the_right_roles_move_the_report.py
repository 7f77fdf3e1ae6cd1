from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report
from dichvucong.outreach.constants import ReportState


def _url(world, action: str) -> str:
    return f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/{action}"


@pytest.mark.parametrize("who", ["coordinator_a", "leadership"])
def test_only_the_education_office_sets_criteria_and_submits(world, client, who):
    login_verified(client, getattr(world.oc, who))
    assert client.post(_url(world, "gui/")).status_code == 403
    assert client.post(_url(world, "tieu-chi/"), {"min_dossiers": 5}).status_code == 403
    assert report.report_row(world.campaign).state == ReportState.DRAFT
    assert report.report_row(world.campaign).criteria == {}


@pytest.mark.parametrize("who", ["coordinator_a", "education"])
def test_only_the_district_leadership_approves_or_sends_back(world, client, who):
    report.submit(world.campaign, world.oc.education)
    login_verified(client, getattr(world.oc, who))
    assert client.post(_url(world, "phe-duyet/")).status_code == 403
    assert client.post(_url(world, "tra-lai/"), {"reason": "x"}).status_code == 403
    assert report.report_row(world.campaign).state == ReportState.SUBMITTED


def test_the_workflow_pages_take_no_get(world, client):
    login_verified(client, world.oc.education)
    assert client.get(_url(world, "gui/")).status_code == 405
