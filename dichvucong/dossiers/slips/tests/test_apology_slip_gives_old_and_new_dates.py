from datetime import date

import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.documents import apology_slip
from dichvucong.dossiers.slips.tests.pdftext import MONDAY_MORNING, page_text
from dichvucong.dossiers.testing import make_dossier


def test_the_agency_apologises_with_the_reason_and_the_new_date(cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = make_dossier(cast, Status.PROCESSING)
        lifecycle.apologise(
            dossier, cast.leader_a, date(2026, 3, 10), "Cần xác minh thông tin với Sở Tư pháp."
        )
    text = page_text(apology_slip(dossier))
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert "Mẫu số 04" in text
    assert f"Mã hồ sơ: {dossier.code}" in text
    assert "Kính gửi: Ông/Bà Nguyễn Văn Bình" in text
    assert "Thời hạn giải quyết hồ sơ theo quy định: 05/03/2026" in text
    assert "lý do: Cần xác minh thông tin với Sở Tư pháp." in text
    assert (
        "UBND phường Khương Mai xin lỗi Ông/Bà Nguyễn Văn Bình và hẹn lại ngày trả "
        "kết quả giải quyết hồ sơ vào ngày 10/03/2026"
    ) in text
    assert "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ" in text
