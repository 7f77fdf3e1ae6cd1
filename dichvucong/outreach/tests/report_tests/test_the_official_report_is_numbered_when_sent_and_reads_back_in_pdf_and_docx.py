"""The report the education office sends to the district, in Decree 30's
layout: a draft has no number and no day; once sent it takes the next
number of the office's register and the day it was sent, in PDF and DOCX."""

from __future__ import annotations

from django.utils import timezone

from dichvucong.accounts.testing import login_verified
from dichvucong.documents.layout import long_date
from dichvucong.documents.tests.reading import A4_POINTS, docx_text, pdf_page_size, pdf_text
from dichvucong.outreach import report

BASE = "/bao-cao-tuyen-truyen/chien-dich/{pk}/van-ban-bao-cao.{fmt}"


def _texts(client, campaign) -> list[str]:
    pdf = client.get(BASE.format(pk=campaign.pk, fmt="pdf"))
    docx = client.get(BASE.format(pk=campaign.pk, fmt="docx"))
    assert pdf.status_code == docx.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert pdf_page_size(pdf.content) == A4_POINTS
    return [pdf_text(pdf.content), docx_text(docx.content)]


def test_a_draft_report_is_marked_and_leaves_the_number_blank(world, client):
    login_verified(client, world.oc.education)
    for text in _texts(client, world.campaign):
        assert "DỰ THẢO" in text
        assert "Số: /BC-PGDĐT" in text
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text


def test_the_sent_report_has_its_number_date_schools_and_recipients(world, client):
    report.submit(world.campaign, world.oc.education)
    login_verified(client, world.oc.education)
    built = report.current_report(world.campaign)[1]
    for text in _texts(client, world.campaign):
        assert "DỰ THẢO" not in text
        assert "UBND QUẬN THANH XUÂN" in text
        assert "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" in text
        assert "Số: 01/BC-PGDĐT" in text
        assert f"Thanh Xuân, {long_date(timezone.localdate())}" in text
        assert "BÁO CÁO" in text
        for school in built.schools:
            assert school.name in text
        assert "Nơi nhận:" in text and "- UBND quận Thanh Xuân (để báo cáo);" in text
        assert "TRƯỞNG PHÒNG" in text


def test_sending_back_and_again_keeps_the_number(world, client):
    report.submit(world.campaign, world.oc.education)
    report.send_back(world.campaign, world.oc.leadership, "Thiếu số liệu")
    report.submit(world.campaign, world.oc.education)
    login_verified(client, world.oc.education)
    assert all("Số: 01/BC-PGDĐT" in text for text in _texts(client, world.campaign))
