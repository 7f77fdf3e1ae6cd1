import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.documents import supplement_slip
from dichvucong.dossiers.slips.tests.pdftext import MONDAY_MORNING, image_count, page_text
from dichvucong.dossiers.testing import make_dossier

MISSING = [
    "Giấy chứng sinh bản chính, rõ nét, không tẩy xóa",
    "Văn bản ủy quyền có chứng thực của người đi khai thay",
    "Bản sao giấy chứng nhận kết hôn của cha mẹ",
]


def test_the_slip_lists_every_missing_item_the_reason_the_date_and_who_asked(cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = make_dossier(cast)
        lifecycle.request_supplement(
            dossier, cast.receptionist_a, MISSING, note="Ảnh chụp giấy chứng sinh bị mờ"
        )
    data = supplement_slip(dossier)
    text = page_text(data)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Mẫu số 02" in text
    assert f"Mã hồ sơ: {dossier.code}" in text
    for number, item in enumerate(MISSING, start=1):
        assert f"{number}. {item}" in text
    assert "Lý do: Ảnh chụp giấy chứng sinh bị mờ" in text
    assert "Thời gian yêu cầu: 09:00 02/03/2026" in text
    assert "Người yêu cầu: Lê Tiếp Nhận" in text
    assert "NGƯỜI HƯỚNG DẪN" in text
    assert image_count(data) == 1


def test_a_single_missing_item_is_printed_too(cast):
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    text = page_text(supplement_slip(dossier))
    assert "Phiếu yêu cầu bổ sung".upper() in text
    assert "Giấy chứng sinh bản rõ nét" in text
