"""Issue 4's "Done when", walked in real browsers with JavaScript off: on
his phone, the citizen submits a level-4 birth registration asking for
three copies of the extract (8.000 đ each) and for the result online;
reception accepts with the fee, so the dossier waits in status 6. He
opens the built-in sandbox bank, cancels (24): the dossier still waits and
the page offers to pay again; he pays (00), comes back to "Thanh toán
thành công", sees the dossier accepted with its due date and downloads the
e-receipt. The office then processes it (assign, forward, approve through
`lifecycle`: the back office pages for those steps are walked in
dossiers/tests/test_browser_a_birth_registration_from_submission_to_returned_result.py),
he downloads the electronic result from his dossier's page, and anyone
can check it on /xac-thuc/ by its code and by the file itself, while a
copy with one byte changed is reported as not authentic."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.events import verify
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import PDF_BYTES, Cast, make_cast
from dichvucong.dossiers.tests.browser_people import (
    OLD_PC,
    PHONE,
    close,
    fits_the_screen,
    menu,
    pdf_behind,
    pdf_text,
    person,
    says,
)
from dichvucong.notifications.models import OutboxMessage
from dichvucong.payments.constants import PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import COPY_RULE

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

FEE = "24.000 đ"  # three copies at 8.000 đ
AWAITING = f"Chờ nộp phí: {FEE}"


@pytest.fixture
def level4(transactional_db, settings, tmp_path: Path) -> Cast:  # type: ignore[no-untyped-def]
    """The cast's birth registration, fully online, with a fee per copy."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cast = make_cast()
    cast.procedure.online_level = OnlineLevel.FULL
    cast.procedure.fee_rule = COPY_RULE
    cast.procedure.fee_text = "Cấp bản sao trích lục: 8.000 đồng/bản"
    cast.procedure.save()
    return cast


# --- Submission and reception ------------------------------------------------------


def citizen_submits_asking_for_the_result_online(page: Page, tmp_path: Path) -> str:
    menu(page, "Thủ tục")
    page.get_by_role("link", name="Đăng ký khai sinh").click()
    # Typed as "8.000 đồng/bản", shown in the one money format.
    expect(page.get_by_text("Cấp bản sao trích lục: 8.000 đ/bản")).to_be_visible()
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").first.click()
    page.get_by_label("Nhận trực tuyến").check()
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    page.get_by_label("Họ, chữ đệm và tên").fill("Nguyễn Minh An")
    page.get_by_label("Ngày sinh").fill("20/11/2026")
    page.get_by_label("Nam", exact=True).check()
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_text("Bước 2/4")).to_be_visible()
    page.get_by_label("Số bản sao trích lục").fill("3")
    page.get_by_role("button", name="Tiếp tục").click()
    pdf = tmp_path / "giay-chung-sinh.pdf"
    pdf.write_bytes(PDF_BYTES)
    page.get_by_label("Giấy chứng sinh").set_input_files(str(pdf))
    page.get_by_role("button", name="Tiếp tục").click()
    delivery = page.locator("dl.answers dt:text-is('Cách nhận kết quả') + dd")
    expect(delivery).to_have_text("Nhận trực tuyến")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    expect(page.get_by_text("Mã hồ sơ của bạn là")).to_be_visible()
    return page.locator(".dfacts .code").inner_text().strip()


def reception_accepts_with_the_fee(page: Page, code: str) -> None:
    menu(page, "Một cửa")
    page.get_by_role("link", name=code).click()
    expect(page.locator(".bo-facts").first).to_contain_text(f"Lệ phí {FEE}")
    page.locator(".bo-actions").get_by_role("button", name="Tiếp nhận", exact=True).click()
    says(page, f"Đã tiếp nhận. Hồ sơ chờ nộp lệ phí {FEE}.")
    expect(page.locator(".bo-state .status")).to_have_text(AWAITING)


# --- Paying ---------------------------------------------------------------------------


def citizen_opens_the_payment(page: Page, code: str) -> None:
    menu(page, "Hồ sơ của tôi")
    card = page.locator(".dossier-list li", has_text=code)
    expect(card.locator(".status")).to_have_text(AWAITING)
    card.get_by_role("link").click()
    fee = page.locator("#le-phi")
    expect(fee).to_contain_text(FEE)
    fee.get_by_role("link", name="Nộp phí, lệ phí").click()
    expect(page.locator(".amount")).to_have_text(FEE)


def bank_answers(page: Page, code: str, button: str) -> None:
    """ "Thanh toán trực tuyến", then a button on the sandbox bank's page."""
    page.get_by_role("button", name="Thanh toán trực tuyến").click()
    page.wait_for_url("**/thanh-toan/sandbox/?*")
    expect(page.get_by_role("heading", name="Thông tin đơn hàng")).to_be_visible()
    expect(page.locator(".order")).to_contain_text(FEE)
    expect(page.locator(".order")).to_contain_text(code)
    fits_the_screen(page)
    page.get_by_role("button", name=button).click()
    page.wait_for_url("**/thanh-toan/vnpay/return?*")


def citizen_cancels_and_may_try_again(page: Page, dossier: Dossier) -> None:
    bank_answers(page, dossier.code, "Hủy giao dịch (24)")
    expect(page.get_by_role("heading", name="Giao dịch đã bị hủy")).to_be_visible()
    expect(page.get_by_text("Hồ sơ vẫn chờ nộp phí, lệ phí.")).to_be_visible()
    cancelled = Payment.objects.get(dossier=dossier)
    assert cancelled.status == PaymentStatus.CANCELLED and cancelled.response_code == "24"
    dossier.refresh_from_db()
    assert dossier.status == Status.AWAITING_PAYMENT and dossier.due_date is None
    page.get_by_role("link", name="Thanh toán lại").click()
    expect(page.locator(".attempts")).to_contain_text("Đã hủy")


def citizen_pays_and_gets_the_receipt(page: Page, dossier: Dossier) -> None:
    bank_answers(page, dossier.code, "Thanh toán thành công (00)")
    expect(page.get_by_role("heading", name="Thanh toán thành công")).to_be_visible()
    paid = Payment.objects.get(dossier=dossier, status=PaymentStatus.PAID)
    expect(page.locator(".facts")).to_contain_text(paid.receipt_number)
    receipt = pdf_text(pdf_behind(page, "Tải biên lai (PDF)"))
    for part in ("Biên lai", paid.receipt_number, FEE, dossier.code, "THỬ NGHIỆM"):
        assert part in receipt, (part, receipt)
    page.get_by_role("link", name="Xem hồ sơ").click()
    dossier.refresh_from_db()
    assert dossier.status == Status.ACCEPTED and dossier.due_date is not None
    expect(page.locator(".dfacts .status")).to_have_text("Được tiếp nhận")
    expect(page.locator(".dfacts")).to_contain_text(f"{dossier.due_date:%d/%m/%Y}")
    expect(page.get_by_role("link", name=f"Biên lai {paid.receipt_number} – {FEE}")).to_be_visible()


# --- The result -----------------------------------------------------------------------


def office_processes(cast: Cast, dossier: Dossier) -> None:
    lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
    lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    lifecycle.approve(dossier, cast.leader_a)


def citizen_downloads_the_result(page: Page, dossier: Dossier, tmp_path: Path) -> Path:
    page.reload()
    expect(page.locator(".dfacts .status")).to_have_text("Đã xử lý xong")
    verification = dossier.result.verification_code
    expect(page.locator("#ket-qua")).to_contain_text(f"Mã xác thực: {verification}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải kết quả (PDF)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert dossier.code in text and verification in text, text
    page.reload()
    expect(page.locator(".dfacts .status")).to_have_text("Đã trả kết quả")
    return saved


def anyone_checks_the_result(page: Page, dossier: Dossier, saved: Path) -> None:
    page.get_by_role("link", name="Xác thực kết quả").click()
    page.get_by_label("Mã xác thực").fill(dossier.result.verification_code.lower())
    page.get_by_role("button", name="Kiểm tra mã").click()
    expect(page.get_by_role("heading", name="Mã xác thực hợp lệ")).to_be_visible()
    expect(page.locator(".outcome")).to_contain_text(dossier.code)
    expect(page.locator(".outcome")).to_contain_text("Nguyễn V** B***")

    page.get_by_label("Tệp PDF kết quả").set_input_files(str(saved))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator(".outcome.ok h2")).to_have_text(
        f"Tài liệu xác thực: đúng bản gốc do UBND phường Khương Mai cấp ngày "
        f"{timezone.localdate(dossier.result.issued_at):%d/%m/%Y}."
    )

    tampered = saved.with_name("ket-qua-da-sua.pdf")
    data = bytearray(saved.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    page.get_by_label("Tệp PDF kết quả").set_input_files(str(tampered))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    # The signature no longer matches: the page says the file was changed.
    expect(page.locator(".outcome.bad h2")).to_have_text(
        "Tài liệu đã bị thay đổi sau khi ký: không phải bản gốc."
    )
    expect(page.locator(".outcome.bad")).to_contain_text("Không khớp")
    expect(page.locator(".outcome.ok")).to_have_count(0)


def each_status_change_reached_the_applicant(dossier: Dossier) -> None:
    changes = dossier.events.filter(kind=EventKind.STATUS)
    assert list(changes.values_list("to_status", flat=True)) == [1, 6, 2, 4, 9, 10]
    sent = set(OutboxMessage.objects.filter(dossier=dossier).values_list("dedupe_key", flat=True))
    for event in changes:
        for channel in ("email", "sms"):
            assert f"{event.pk}:{channel}:applicant" in sent, (event.to_status, channel)


def test_a_level4_fee_is_paid_in_the_sandbox_and_the_result_verified(
    browser: Browser, live_server, level4: Cast, tmp_path: Path
) -> None:
    citizen = person(browser, live_server.url, "001090012345", PHONE)
    code = citizen_submits_asking_for_the_result_online(citizen, tmp_path)
    dossier = Dossier.objects.get(code=code)
    assert dossier.delivery == "online" and dossier.fee_amount == 24_000

    reception = person(browser, live_server.url, "tiepnhan.a", OLD_PC)
    reception_accepts_with_the_fee(reception, code)
    dossier.refresh_from_db()
    assert dossier.status == Status.AWAITING_PAYMENT

    citizen_opens_the_payment(citizen, code)
    citizen_cancels_and_may_try_again(citizen, dossier)
    citizen_pays_and_gets_the_receipt(citizen, dossier)

    office_processes(level4, dossier)
    saved = citizen_downloads_the_result(citizen, dossier, tmp_path)
    visitor = person(browser, live_server.url, None, PHONE)
    anyone_checks_the_result(visitor, dossier, saved)

    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert verify(dossier) == []
    each_status_change_reached_the_applicant(dossier)
    close(citizen, reception, visitor)
