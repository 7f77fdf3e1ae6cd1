from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from dichvucong.outreach import report
from dichvucong.outreach.models import Attendance
from dichvucong.outreach.report_exports import figure_values


def _summary_total(path) -> list[int]:
    sheet = load_workbook(path)["Tổng hợp"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Toàn quận")
    return list(row[1:9])


def test_the_command_writes_the_live_report_then_the_frozen_one(world, tmp_path):
    path = tmp_path / "bao-cao.xlsx"
    call_command("outreach_report", campaign=world.campaign.pk, format="xlsx", output=path)
    assert _summary_total(path) == figure_values(report.build_report(world.campaign).totals)

    report.submit(world.campaign, world.oc.education)
    report.approve(world.campaign, world.oc.leadership)
    frozen = report.current_report(world.campaign)[1]
    Attendance.objects.filter(session__campaign=world.campaign).update(present=False)
    call_command("outreach_report", campaign=world.campaign.pk, format="xlsx", output=path)
    assert _summary_total(path) == figure_values(frozen.totals)
    assert frozen.totals.trained > 0


def test_names_are_written_only_when_asked(world, tmp_path):
    built = report.build_report(world.campaign)
    name = world.pupils[0].__class__.objects.get(pk=built.commendations[0].pupil_id).full_name
    path = tmp_path / "bao-cao.pdf"
    call_command("outreach_report", campaign=world.campaign.pk, format="pdf", output=path)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert world.oc.school_a.name in text and name not in text
    call_command(
        "outreach_report",
        campaign=world.campaign.pk,
        format="pdf",
        output=path,
        with_names=True,
    )
    assert name in " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_an_unknown_campaign_is_an_error(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("outreach_report", campaign=999, format="pdf", output=tmp_path / "x.pdf")
