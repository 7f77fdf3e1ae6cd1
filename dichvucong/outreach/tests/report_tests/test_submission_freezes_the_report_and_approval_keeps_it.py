from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report, services
from dichvucong.outreach.constants import ERASED_NAME, ReportState
from dichvucong.outreach.models import Ambassador, Attendance, Pupil
from dichvucong.outreach.tests.cast import add_pupil
from dichvucong.outreach.tests.report_tests.generated import HOUSEHOLDS, assist


def _change_the_year(world) -> None:
    """New pupils and successes, lost attendance, an erasure."""
    newcomer = add_pupil(world.oc.class_b, "Học sinh mới")
    ambassador = Ambassador.objects.create(
        campaign=world.campaign,
        pupil=newcomer,
        residential_group=world.oc.group_a,
        since=world.campaign.end_date,
    )
    assist(world, ambassador, "returned", HOUSEHOLDS[5])
    Attendance.objects.filter(session__campaign=world.campaign).update(present=False)
    alive = Pupil.objects.filter(erased_at__isnull=True, ambassadorships__isnull=False).first()
    services.erase_pupil(alive, world.oc.education)


def _url(world, action: str = "") -> str:
    return f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/{action}"


def test_the_submitted_report_is_frozen_and_the_approved_one_stays_so(world, client):
    login_verified(client, world.oc.education)
    assert client.post(_url(world, "gui/")).status_code == 302
    row, frozen = report.current_report(world.campaign)
    assert row.state == ReportState.SUBMITTED and row.submitted_by == world.oc.education
    before = frozen.to_json()
    _change_the_year(world)
    assert report.build_report(world.campaign).totals != frozen.totals
    assert report.current_report(world.campaign)[1].to_json() == before

    login_verified(client, world.oc.leadership)
    assert client.post(_url(world, "phe-duyet/"), {"confirm": "on"}).status_code == 302
    _change_the_year(world)
    row, approved = report.current_report(world.campaign)
    assert row.state == ReportState.APPROVED and row.approved_by == world.oc.leadership
    assert approved.to_json() == before
    page = client.get(_url(world))
    assert page.context["shown"].totals == frozen.totals


def test_a_pupil_erased_after_approval_stays_counted_but_loses_the_name(world, client):
    report.submit(world.campaign, world.oc.education)
    report.approve(world.campaign, world.oc.leadership)
    listed = report.current_report(world.campaign)[1].commendations
    pupil = Pupil.objects.get(pk=listed[0].pupil_id)
    name = pupil.full_name
    services.erase_pupil(pupil, world.oc.education)
    login_verified(client, world.oc.education)
    page = client.get(_url(world))
    first = page.context["listed"][0]
    assert first.name == ERASED_NAME and first.dossiers == listed[0].dossiers
    assert name not in page.content.decode()


def test_a_draft_cannot_be_approved_nor_a_report_submitted_twice(world):
    with pytest.raises(report.ReportError):
        report.approve(world.campaign, world.oc.leadership)
    report.submit(world.campaign, world.oc.education)
    with pytest.raises(report.ReportError):
        report.submit(world.campaign, world.oc.education)
    with pytest.raises(report.ReportError):
        report.save_criteria(world.campaign, report.Criteria(min_dossiers=3))
    assert report.report_row(world.campaign).state == ReportState.SUBMITTED
