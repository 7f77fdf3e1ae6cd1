"""The district's approval records which figures it approved: the sha256
of the snapshot's canonical JSON and its totals; a snapshot changed after
approval no longer matches, and the report page says so."""

from __future__ import annotations

import hashlib
import json

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report
from dichvucong.outreach.models import YearEndReport


def _row(world) -> YearEndReport:
    return YearEndReport.objects.get(campaign=world.campaign)


def test_approval_stores_the_digest_and_the_totals_of_the_snapshot(world, client):
    report.submit(world.campaign, world.oc.education)
    assert _row(world).approved_digest == "" and report.approval_holds(_row(world)) is None
    login_verified(client, world.oc.leadership)
    url = f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/"
    client.post(url + "phe-duyet/", {"confirm": "on"})
    row = _row(world)
    canonical = json.dumps(row.snapshot, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert row.approved_digest == hashlib.sha256(canonical.encode()).hexdigest()
    assert row.approved_totals == row.snapshot["totals"] and row.approved_totals["dossiers"] > 0
    assert report.approval_holds(row) is True
    text = client.get(url).content.decode()
    assert "Đã phê duyệt các số liệu" in text and row.approved_digest[:12] in text
    assert "không còn khớp" not in text


def test_a_snapshot_changed_after_approval_no_longer_matches(world, client):
    report.submit(world.campaign, world.oc.education)
    report.approve(world.campaign, world.oc.leadership)
    row = _row(world)
    changed = {**row.snapshot, "totals": {**row.snapshot["totals"], "dossiers": 999}}
    YearEndReport.objects.filter(pk=row.pk).update(snapshot=changed)
    assert report.approval_holds(_row(world)) is False
    login_verified(client, world.oc.education)
    text = client.get(f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/").content.decode()
    assert "không còn khớp với số liệu đã được phê duyệt" in text
