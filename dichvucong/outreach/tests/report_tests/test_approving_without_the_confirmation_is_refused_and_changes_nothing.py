"""Approval needs the box "Tôi đã xem số liệu và đồng ý phê duyệt"
ticked (no JavaScript needed); without it the report stays submitted and
the reader is told why. Approving and sending back are separate cards, and
the send-back reason is marked required."""

from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report
from dichvucong.outreach.constants import ReportState
from dichvucong.outreach.models import YearEndReport
from dichvucong.outreach.tests.helpers import messages_of


def _url(oc, action: str = "") -> str:  # type: ignore[no-untyped-def]
    return f"/bao-cao-tuyen-truyen/chien-dich/{oc.campaign.pk}/{action}"


def test_approving_without_the_confirmation_changes_nothing(oc, client) -> None:
    report.submit(oc.campaign, oc.education)
    before = YearEndReport.objects.filter(campaign=oc.campaign).values().get()
    login_verified(client, oc.leadership)
    response = client.post(_url(oc, "phe-duyet/"))
    assert response.status_code == 302
    assert messages_of(response) == [
        "Chưa phê duyệt: hãy đánh dấu ô “Tôi đã xem số liệu và đồng ý phê duyệt” rồi bấm Phê duyệt."
    ]
    assert YearEndReport.objects.filter(campaign=oc.campaign).values().get() == before

    client.post(_url(oc, "phe-duyet/"), {"confirm": "on"})
    row = YearEndReport.objects.get(campaign=oc.campaign)
    assert row.state == ReportState.APPROVED and row.approved_by == oc.leadership


def test_approve_and_send_back_are_apart_and_say_what_is_required(oc, client) -> None:
    report.submit(oc.campaign, oc.education)
    login_verified(client, oc.leadership)
    html = client.get(_url(oc)).content.decode()
    approve = html[html.index('id="phe-duyet"') : html.index('id="tra-lai"')]
    send_back = html[html.index('id="tra-lai"') :]
    assert 'name="confirm"' in approve and "required" in approve
    assert 'Tôi đã xem số liệu và đồng ý phê duyệt <span class="meta">(bắt buộc)</span>' in approve
    assert 'name="reason"' not in approve
    assert 'Lý do trả lại <span class="meta">(bắt buộc)</span>' in send_back
    assert 'name="confirm"' not in send_back
