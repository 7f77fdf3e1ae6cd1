import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.slips.documents import refusal_slip
from dichvucong.dossiers.slips.tests.pdftext import MONDAY_MORNING, page_text
from dichvucong.dossiers.testing import make_dossier


def test_each_reason_is_printed_on_its_own_line(cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = make_dossier(cast)
        lifecycle.refuse(
            dossier,
            cast.receptionist_a,
            "Không thuộc thẩm quyền của UBND phường\n"
            "Người nộp không có quan hệ với người được khai sinh",
        )
    text = page_text(refusal_slip(dossier))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Mẫu số 03" in text
    assert dossier.code in text
    assert "từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau:" in text
    assert "1. Không thuộc thẩm quyền của UBND phường" in text
    assert "2. Người nộp không có quan hệ với người được khai sinh" in text
    assert "Thời gian nộp hồ sơ: 09:00 02/03/2026" in text
    assert "Khương Mai, ngày 02 tháng 3 năm 2026" in text
    assert "Lê Tiếp Nhận" in text
