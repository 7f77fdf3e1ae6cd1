from __future__ import annotations

import io
import re

from pypdf import PdfReader

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report
from dichvucong.outreach.report_exports import figure_values
from dichvucong.reports.formatting import format_count


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_pdf_has_the_schools_and_the_totals_in_vietnamese(world, client):
    login_verified(client, world.oc.education)
    response = client.get(f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/bao-cao.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    built = report.build_report(world.campaign)
    assert "BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN" in text
    totals = " ".join(format_count(value) for value in figure_values(built.totals))
    assert f"Toàn quận {totals}" in text
    for school in built.schools:
        figures = " ".join(format_count(value) for value in figure_values(school.figures))
        assert f"{school.name} {figures}" in text
        assert f"Toàn trường {figures}" in text
