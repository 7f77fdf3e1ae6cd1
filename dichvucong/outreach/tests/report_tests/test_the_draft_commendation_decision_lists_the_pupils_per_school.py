"""The draft decision the district chairman signs: Decree 30's layout,
number, day and signer's name blank, legal bases, Điều 1 with the pupils
of each school by name. Only the education office has it, and the
district leadership once the report was sent."""

from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.documents.tests.reading import docx_text, pdf_text
from dichvucong.outreach import report
from dichvucong.outreach.models import Pupil

BASE = "/bao-cao-tuyen-truyen/chien-dich/{pk}/du-thao-quyet-dinh.{fmt}"


def _get(client, campaign, fmt):
    return client.get(BASE.format(pk=campaign.pk, fmt=fmt))


def test_the_decision_names_every_listed_pupil_under_their_school(world, client):
    login_verified(client, world.oc.education)
    built = report.build_report(world.campaign)
    assert built.commendations, "the generated year must commend someone"
    names = dict(Pupil.objects.values_list("pk", "full_name"))
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        response = _get(client, world.campaign, fmt)
        assert response.status_code == 200
        text = read(response.content)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert "ỦY BAN NHÂN DÂN QUẬN THANH XUÂN" in text
        assert "Số: /QĐ-UBND" in text
        assert "Thanh Xuân, ngày tháng năm" in text
        assert "QUYẾT ĐỊNH" in text and "Về việc khen thưởng học sinh" in text
        assert "Căn cứ Luật Thi đua, khen thưởng;" in text
        assert "Điều 1." in text and "Điều 2." in text and "Điều 3." in text
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN THANH XUÂN" in text
        assert "TM. ỦY BAN NHÂN DÂN" in text and "Nơi nhận:" in text
        for item in built.commendations:
            assert names[item.pupil_id] in text
            assert item.school in text


def test_leadership_gets_it_once_the_report_is_sent_and_coordinators_never(world, client):
    login_verified(client, world.oc.leadership)
    assert _get(client, world.campaign, "pdf").status_code == 403
    report.submit(world.campaign, world.oc.education)
    assert _get(client, world.campaign, "pdf").status_code == 200
    assert _get(client, world.campaign, "docx").status_code == 200
    client.logout()
    login_verified(client, world.oc.coordinator_a)
    assert _get(client, world.campaign, "pdf").status_code == 403
