from datetime import date, timedelta

import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.control import control_slip, handovers
from dichvucong.dossiers.slips.tests.pdftext import MONDAY_MORNING, page_text
from dichvucong.dossiers.testing import make_dossier

THURSDAY = MONDAY_MORNING + timedelta(days=3)
NEXT_MONDAY = MONDAY_MORNING + timedelta(days=7)


def _late_dossier(cast):
    """Received Monday (due Thursday), approved the next Monday."""
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = make_dossier(cast, Status.PROCESSING)
    with time_machine.travel(THURSDAY, tick=False):
        lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    with time_machine.travel(NEXT_MONDAY, tick=False):
        lifecycle.approve(dossier, cast.leader_a)
        lifecycle.return_result(dossier, cast.receptionist_a)
    dossier.refresh_from_db()
    return dossier


def _summary(steps, today=date(2026, 3, 20)):
    return [(s.what, s.giver.name, s.receiver.name, s.due, s.verdict(today)) for s in steps]


def test_every_handover_names_both_sides_and_is_judged_against_the_due_date(cast):
    dossier = _late_dossier(cast)
    due = date(2026, 3, 5)
    assert _summary(handovers(dossier)) == [
        ("Nộp hồ sơ", "Nguyễn Văn Bình", "Lê Tiếp Nhận", due, "Trước hạn"),
        ("Phân công xử lý", "Lê Tiếp Nhận", "Phạm Chuyên Viên", due, "Đúng hạn"),
        ("Trình phê duyệt", "Phạm Chuyên Viên", "Hoàng Lãnh Đạo", due, "Trễ hạn"),
        ("Phê duyệt, chuyển trả kết quả", "Hoàng Lãnh Đạo", "Lê Tiếp Nhận", None, ""),
        ("Trả kết quả", "Lê Tiếp Nhận", "Nguyễn Văn Bình", None, ""),
    ]


def test_the_pdf_shows_the_table_and_the_overall_verdict(cast):
    dossier = _late_dossier(cast)
    text = page_text(control_slip(dossier))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert "Mẫu số 06" in text
    assert f"Mã hồ sơ: {dossier.code}" in text
    for heading in ("Bên giao", "Bên nhận", "Hạn", "Hoàn thành", "Kết quả"):
        assert heading in text
    assert "Hoàng Lãnh Đạo" in text
    assert "Trễ hạn" in text
    assert "Ngày hẹn trả kết quả: 05/03/2026" in text
    assert "Đánh giá chung: Trễ hạn" in text


def test_a_supplement_in_processing_hands_back_to_the_specialist_with_a_new_due_date(cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = make_dossier(cast, Status.PROCESSING)
        lifecycle.request_supplement(dossier, cast.specialist_a, ["Bản sao CCCD của mẹ"])
    with time_machine.travel(MONDAY_MORNING + timedelta(days=2), tick=False):
        lifecycle.supply(dossier, cast.applicant)
    dossier.refresh_from_db()
    steps = _summary(handovers(dossier), today=date(2026, 3, 4))
    assert steps[-2] == ("Yêu cầu bổ sung hồ sơ", "Phạm Chuyên Viên", "Nguyễn Văn Bình", None, "")
    assert steps[-1] == (
        "Nộp bổ sung",
        "Nguyễn Văn Bình",
        "Phạm Chuyên Viên",
        date(2026, 3, 9),
        "Trong hạn",
    )


def test_a_refused_dossier_shows_submission_and_refusal(cast):
    dossier = make_dossier(cast, Status.REFUSED)
    assert [(s.what, s.giver.name, s.receiver.name) for s in handovers(dossier)] == [
        ("Nộp hồ sơ", "Nguyễn Văn Bình", "Lê Tiếp Nhận"),
        ("Từ chối tiếp nhận", "Lê Tiếp Nhận", "Nguyễn Văn Bình"),
    ]
    assert "Từ chối tiếp nhận" in page_text(control_slip(dossier))
