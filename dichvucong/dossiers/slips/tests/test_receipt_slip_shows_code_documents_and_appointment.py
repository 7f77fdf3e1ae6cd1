from datetime import timedelta

import pytest
import time_machine
from PIL import Image, ImageChops

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.documents import receipt_slip
from dichvucong.dossiers.slips.pdf import lookup_url, qr_png
from dichvucong.dossiers.slips.tests.pdftext import (
    A5_POINTS,
    MONDAY_MORNING,
    image_count,
    page_size,
    page_text,
    reader,
)
from dichvucong.dossiers.testing import make_dossier


@pytest.fixture
def accepted(cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        return make_dossier(cast, Status.ACCEPTED)


def test_receipt_carries_title_code_people_documents_and_due_date(accepted):
    text = page_text(receipt_slip(accepted))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert f"Mã hồ sơ: {accepted.code}" in text
    assert "Mẫu số 01" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "UBND PHƯỜNG KHƯƠNG MAI" in text
    assert "Khương Mai, ngày 02 tháng 3 năm 2026" in text
    assert "Cán bộ tiếp nhận: Lê Tiếp Nhận" in text
    assert "Nguyễn Văn Bình" in text
    assert "12 Khương Trung, Khương Mai, Thanh Xuân, Hà Nội" in text
    assert "0912345678" in text
    assert "Đăng ký khai sinh" in text
    assert "Giấy chứng sinh: giay-chung-sinh.pdf" in text
    assert "Số lượng hồ sơ: 01 (bộ)" in text
    assert "Thời gian nhận hồ sơ: 09:00 02/03/2026" in text
    assert "Ngày hẹn trả kết quả: 05/03/2026" in text
    assert "Nhận tại Bộ phận Một cửa" in text
    assert "sau 15 giờ" not in text


def test_receipt_is_an_a5_page_with_the_lookup_qr_code(accepted):
    data = receipt_slip(accepted)
    width, height = page_size(data)
    assert width == pytest.approx(A5_POINTS[0], abs=0.5)
    assert height == pytest.approx(A5_POINTS[1], abs=0.5)
    assert image_count(data) == 1
    assert reader(data).metadata.title == (
        f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả – {accepted.code}"
    )


def test_the_qr_code_encodes_the_public_lookup_address(accepted, settings):
    settings.SITE_URL = "https://dichvucong.example.vn"
    data = receipt_slip(accepted)
    embedded = reader(data).pages[0].images[0].image.convert("L")
    wanted = Image.open(qr_png(lookup_url(accepted.code))).convert("L")
    assert embedded.size == wanted.size
    assert ImageChops.difference(embedded, wanted).getbbox() is None
    assert lookup_url(accepted.code) == (
        f"https://dichvucong.example.vn/tra-cuu/?ma={accepted.code}"
    )


def test_a_dossier_received_after_15_00_says_the_count_starts_next_working_day(cast):
    with time_machine.travel(MONDAY_MORNING + timedelta(hours=6, minutes=30), tick=False):
        dossier = make_dossier(cast, Status.ACCEPTED)
    text = page_text(receipt_slip(dossier))
    assert "Thời gian nhận hồ sơ: 15:30 02/03/2026" in text
    assert "Hồ sơ được tiếp nhận sau 15 giờ" in text
    assert "ngày làm việc tiếp theo (03/03/2026)" in text
    assert "Ngày hẹn trả kết quả: 06/03/2026" in text


def test_a_practice_dossier_says_so_on_its_slip(cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = make_dossier(cast, Status.ACCEPTED)
    dossier.is_practice = True
    assert "KHÔNG CÓ GIÁ TRỊ PHÁP LÝ" in page_text(receipt_slip(dossier))
