from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report
from dichvucong.outreach.constants import ReportState
from dichvucong.outreach.models import Attendance


def _url(world, action: str = "") -> str:
    return f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/{action}"


def test_the_leadership_sends_the_report_back_with_a_reason(world, client):
    report.submit(world.campaign, world.oc.education)
    login_verified(client, world.oc.leadership)
    client.post(_url(world, "tra-lai/"), {"reason": "   "})
    assert report.report_row(world.campaign).state == ReportState.SUBMITTED

    reason = "Đề nghị bổ sung số liệu trường THCS Kim Giang"
    assert client.post(_url(world, "tra-lai/"), {"reason": reason}).status_code == 302
    row = report.report_row(world.campaign)
    assert row.state == ReportState.DRAFT and row.submitted_at is None

    Attendance.objects.filter(session__campaign=world.campaign).update(present=False)
    login_verified(client, world.oc.education)
    page = client.get(_url(world))
    assert reason in page.content.decode()
    assert page.context["shown"].totals.trained == 0  # live again
    assert page.context["may_submit"]
