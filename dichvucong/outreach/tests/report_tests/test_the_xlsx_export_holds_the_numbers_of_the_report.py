from __future__ import annotations

import io

from openpyxl import load_workbook

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report
from dichvucong.outreach.models import Pupil
from dichvucong.outreach.report_exports import figure_values


def _rows(sheet) -> dict[str, list]:
    """First cell -> the numbers after it, for the rows that have numbers."""
    found = {}
    for row in sheet.iter_rows(values_only=True):
        numbers = [value for value in row[1:] if value is not None]
        if row[0] and len(numbers) == 8 and all(isinstance(n, int) for n in numbers):
            found[row[0]] = numbers
    return found


def test_every_sheet_has_the_numbers_of_the_report(world, client):
    login_verified(client, world.oc.education)
    response = client.get(f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/bao-cao.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Cache-Control"] == "private, no-store"
    workbook = load_workbook(io.BytesIO(response.content))
    built = report.build_report(world.campaign)
    assert workbook.sheetnames == ["Tổng hợp", "Theo phường", *(s.name for s in built.schools)]

    summary = _rows(workbook["Tổng hợp"])
    assert summary["Toàn quận"] == figure_values(built.totals)
    for school in built.schools:
        assert summary[school.name] == figure_values(school.figures)
        sheet = _rows(workbook[school.name])
        assert sheet["Toàn trường"] == figure_values(school.figures)
        for row in school.classes:
            assert sheet[row.name] == figure_values(row.figures)
    headers = [cell.value for cell in workbook["Tổng hợp"][7]]
    assert headers[:3] == ["Trường", "Số học sinh", "Trong đó đã xóa dữ liệu"]


def test_the_commendation_list_is_in_its_schools_sheet_with_names(world, client):
    login_verified(client, world.oc.education)
    response = client.get(f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/bao-cao.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    built = report.build_report(world.campaign)
    cells = {
        (sheet.title, value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
    }
    assert built.commendations
    for item in built.commendations:
        name = Pupil.objects.get(pk=item.pupil_id).full_name
        assert (item.school, name) in cells
