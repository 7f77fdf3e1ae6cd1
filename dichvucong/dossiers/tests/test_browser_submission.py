"""A citizen logs in, fills a birth registration, uploads a PDF, checks and
submits it, and sees the dossier code: in a real browser, with and without
JavaScript."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import PDF_BYTES, Cast, make_cast

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCREENSHOT = Path("/tmp/form-phone.png")


@pytest.fixture
def browser_cast(transactional_db, settings, tmp_path: Path) -> Cast:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return make_cast()


def log_in_via_start(page: Page, base: str) -> None:
    page.goto(base + "/ho-so/nop/1.001193/")
    page.wait_for_url(re.compile(r".*/tai-khoan/dang-nhap/\?next=.*"))
    page.get_by_label("Số định danh cá nhân, mã số thuế hoặc tên đăng nhập").fill("001090012345")
    page.get_by_label("Mật khẩu").fill("matkhau-demo-1")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ho-so/nop/1.001193/")


def fill_steps(page: Page) -> None:
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    expect(page.get_by_text("Bước 1/4")).to_be_visible()
    page.get_by_label("Họ, chữ đệm và tên").fill("Nguyễn Minh An")
    page.get_by_label("Ngày sinh").fill("31/02/2026")
    page.get_by_label("Nữ").check()
    page.get_by_role("button", name="Tiếp tục").click()
    # The impossible date is explained and what was typed is still there.
    expect(page.get_by_text("Ngày chưa đúng. Nhập ngày/tháng/năm").first).to_be_visible()
    assert page.get_by_label("Họ, chữ đệm và tên").input_value() == "Nguyễn Minh An"
    page.get_by_label("Ngày sinh").fill("20/11/2026")
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_text("Bước 2/4")).to_be_visible()
    assert page.get_by_label("Số định danh cá nhân").input_value() == "001090012345"
    page.get_by_role("button", name="Tiếp tục").click()


def upload_review_submit(page: Page, tmp_path: Path) -> None:
    expect(page.get_by_text("Bước 3/4")).to_be_visible()
    pdf = tmp_path / "giay-chung-sinh.pdf"
    pdf.write_bytes(PDF_BYTES)
    page.get_by_label("Giấy chứng sinh").set_input_files(str(pdf))
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", name="Kiểm tra lại trước khi nộp")).to_be_visible()
    expect(page.get_by_text("Nguyễn Minh An")).to_be_visible()
    expect(page.get_by_text("20/11/2026")).to_be_visible()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url(re.compile(r".*/ho-so/[0-9a-f-]{36}/$"))


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_citizen_submits_a_birth_registration(
    browser: Browser, live_server, browser_cast, tmp_path: Path, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    log_in_via_start(page, live_server.url)
    fill_steps(page)
    upload_review_submit(page, tmp_path)
    dossier = Dossier.objects.get()
    assert dossier.status == Status.SUBMITTED
    expect(page.get_by_text(f"Mã hồ sơ của bạn là {dossier.code}")).to_be_visible()
    assert dossier.form_data["birth_date"] == "2026-11-20"
    assert dossier.attachments.get().original_name == "giay-chung-sinh.pdf"
    context.close()


def test_the_form_fits_a_phone_screen(browser: Browser, live_server, browser_cast) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="vi-VN")
    page = context.new_page()
    log_in_via_start(page, live_server.url)
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    page.get_by_label("Ngày sinh").fill("31/02/2026")
    page.get_by_role("button", name="Tiếp tục").click()
    # Measure the answered page (with its messages), not one mid-navigation.
    expect(page.get_by_text("Ngày chưa đúng. Nhập ngày/tháng/năm").first).to_be_visible()
    page.wait_for_load_state()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    context.close()
