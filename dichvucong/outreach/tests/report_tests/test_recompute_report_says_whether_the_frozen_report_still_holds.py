"""manage.py recompute_report computes a submitted report again from the
dossiers as they are now: "Khớp" and exit 0 right after submission; the
differences and exit 1 once a counted dossier changed or the approved
snapshot was edited; exit 2 without a submitted report."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import report
from dichvucong.outreach.models import YearEndReport


def _run(campaign_id: int) -> tuple[str, int]:
    out = StringIO()
    try:
        call_command("recompute_report", str(campaign_id), stdout=out)
    except CommandError as error:
        return out.getvalue() + str(error), error.returncode
    return out.getvalue(), 0


def test_it_matches_right_after_submission_and_approval(world):
    report.submit(world.campaign, world.oc.education)
    assert _run(world.campaign.pk) == ("Khớp\n", 0)
    report.approve(world.campaign, world.oc.leadership)
    assert _run(world.campaign.pk) == ("Khớp\n", 0)


def test_a_counted_dossier_set_back_by_an_admin_update_is_reported(world):
    report.submit(world.campaign, world.oc.education)
    school = world.oc.school_a
    counted = report.dossier_ids(world.campaign)[school.pk][0]
    dossier = Dossier.objects.get(pk=counted[0])
    Dossier.objects.filter(pk=dossier.pk).update(status=Status.PROCESSING, resolved_at=None)
    text, code = _run(world.campaign.pk)
    assert code == 1
    assert f"{school.name} – Số hồ sơ thành công: đã chốt" in text
    assert f"{school.name} – Hồ sơ được tính: đã chốt {dossier.code}, hiện nay –" in text
    assert "Toàn quận – Số hồ sơ thành công" in text
    assert "Khớp" not in text.splitlines()


def test_an_approved_snapshot_edited_afterwards_fails_the_digest(world):
    report.submit(world.campaign, world.oc.education)
    report.approve(world.campaign, world.oc.leadership)
    row = YearEndReport.objects.get(campaign=world.campaign)
    YearEndReport.objects.filter(pk=row.pk).update(
        snapshot={**row.snapshot, "campaign_title": "Sửa sau khi duyệt"}
    )
    text, code = _run(world.campaign.pk)
    assert code == 1 and "mã kiểm tra đã phê duyệt" in text


@pytest.mark.parametrize("submitted", [False, True])
def test_a_campaign_without_a_submitted_report_exits_2(world, submitted):
    if submitted:
        report.submit(world.campaign, world.oc.education)
        report.send_back(world.campaign, world.oc.leadership, "Sửa lại")
    assert _run(world.campaign.pk)[1] == 2
    assert _run(999999)[1] == 2
