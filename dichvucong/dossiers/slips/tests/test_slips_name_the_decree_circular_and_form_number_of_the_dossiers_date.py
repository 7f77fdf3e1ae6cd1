"""A slip prints the form number, title and legal basis of the rules the
dossier is handled by (the day it was submitted), not of today's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.control import control_slip
from dichvucong.dossiers.slips.documents import apology_slip, receipt_slip
from dichvucong.dossiers.slips.register import register
from dichvucong.dossiers.slips.service import slip_links
from dichvucong.dossiers.slips.tests.pdftext import page_text, reader
from dichvucong.dossiers.testing import make_dossier

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
LAST_DAY_OF_61 = datetime(2025, 6, 30, 9, 0, tzinfo=HANOI)
FIRST_DAY_OF_118 = datetime(2025, 7, 1, 9, 0, tzinfo=HANOI)
WITH_2025_FORMS = datetime(2025, 9, 15, 9, 0, tzinfo=HANOI)
TODAY = datetime(2026, 12, 7, 9, 0, tzinfo=HANOI)


def _processing_on(moment, cast):
    with time_machine.travel(moment, tick=False):
        return make_dossier(cast, Status.PROCESSING)


def _printed_today(slip, dossier) -> str:
    with time_machine.travel(TODAY, tick=False):
        return page_text(slip(dossier))


def test_a_receipt_of_30_june_2025_cites_decree_61_and_circular_01_2018(cast):
    text = _printed_today(receipt_slip, _processing_on(LAST_DAY_OF_61, cast))
    assert "Mẫu số 01" in text
    assert (
        "Theo Nghị định số 61/2018/NĐ-CP; Mẫu số 01 ban hành kèm theo Thông tư số 01/2018/TT-VPCP"
        in text
    )
    assert "118/2025" not in text


def test_a_receipt_of_1_july_2025_cites_decree_118(cast):
    text = _printed_today(receipt_slip, _processing_on(FIRST_DAY_OF_118, cast))
    assert "Theo Nghị định số 118/2025/NĐ-CP" in text
    assert "61/2018" not in text


def test_the_control_slip_is_form_05_under_circular_01_2018_and_06_under_03_2025(cast):
    old = _printed_today(control_slip, _processing_on(FIRST_DAY_OF_118, cast))
    new = _printed_today(control_slip, _processing_on(WITH_2025_FORMS, cast))
    assert "Mẫu số 05" in old and "Thông tư số 01/2018/TT-VPCP" in old
    assert "Mẫu số 06" in new and "Thông tư số 03/2025/TT-VPCP" in new
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in old
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in new


def test_the_apology_carries_the_title_of_its_regimes_form(cast):
    old = _processing_on(LAST_DAY_OF_61, cast)
    new = _processing_on(WITH_2025_FORMS, cast)
    with time_machine.travel(LAST_DAY_OF_61, tick=False):
        lifecycle.apologise(old, cast.leader_a, date(2025, 7, 7), "Cần xác minh thêm.")
    with time_machine.travel(WITH_2025_FORMS, tick=False):
        lifecycle.apologise(new, cast.leader_a, date(2025, 9, 22), "Cần xác minh thêm.")
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in _printed_today(apology_slip, old)
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in _printed_today(
        apology_slip, new
    )


def test_the_pdf_subject_names_the_form_and_its_basis(cast):
    with time_machine.travel(TODAY, tick=False):
        data = receipt_slip(_processing_on(LAST_DAY_OF_61, cast))
    assert reader(data).metadata.subject == (
        "Mẫu số 01 – Theo Nghị định số 61/2018/NĐ-CP; "
        "Mẫu số 01 ban hành kèm theo Thông tư số 01/2018/TT-VPCP"
    )


def test_the_links_show_each_dossiers_own_form_numbers_under_the_same_url_keys(cast):
    old = _processing_on(LAST_DAY_OF_61, cast)
    new = _processing_on(WITH_2025_FORMS, cast)
    with time_machine.travel(TODAY, tick=False):
        old_links = slip_links(old, applicant=False)
        new_links = slip_links(new, applicant=False)
    assert [(link.number, link.form) for link in old_links] == [("01", "01"), ("05", "05")]
    assert [(link.number, link.form) for link in new_links] == [("01", "01"), ("05", "06")]
    assert new_links[1].url.endswith("/05.pdf")


def test_the_register_takes_the_form_in_force_on_its_last_day(cast):
    june = page_text(register([], cast.agency_a, date(2025, 6, 1), date(2025, 6, 30)))
    october = page_text(register([], cast.agency_a, date(2025, 10, 1), date(2025, 10, 31)))
    assert "Mẫu số 06" in june and "Thông tư số 01/2018/TT-VPCP" in june
    assert "Mẫu số 07" in october and "Thông tư số 03/2025/TT-VPCP" in october
