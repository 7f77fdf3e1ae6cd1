"""Opening, downloading or reading a report through the API is a GET: it
must not create the report's row. The row appears when the education
office saves criteria or moves the report."""

from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import YearEndReport
from dichvucong.outreach.report import present_all


def test_pages_and_downloads_leave_no_report_row(world, client):
    login_verified(client, world.oc.education)
    base = f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/"
    for suffix in ("", "bao-cao.xlsx", "bao-cao.pdf"):
        assert client.get(base + suffix).status_code == 200
    login_verified(client, world.oc.leadership)
    assert client.get(base).status_code == 200
    assert not YearEndReport.objects.filter(campaign=world.campaign).exists()


def test_the_unsaved_draft_reads_as_a_live_draft(world):
    shown = present_all(world.campaign, with_names=False)
    assert not shown.frozen and shown.report.totals.pupils > 0
    assert not YearEndReport.objects.exists()
