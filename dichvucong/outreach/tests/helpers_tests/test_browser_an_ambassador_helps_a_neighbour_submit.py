"""In a real browser without JavaScript, on a phone-sized screen: pupil
ambassador Hà logs in, fills a birth registration for her neighbour (who
has an account of her own with a confirmed phone: the code goes only
there, outreach.contacts), sends the confirmation code, types the code the
neighbour reads from the SMS, and sees the dossier's code and status, and
nothing of its content."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import PDF_BYTES
from dichvucong.outreach.tests.helpers_tests import sms
from dichvucong.outreach.tests.helpers_tests.cast import HelpersCast, make_helpers_cast

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def browser_hc(transactional_db, settings, tmp_path: Path) -> HelpersCast:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SMS_PROVIDER = "dichvucong.outreach.tests.helpers_tests.sms.KeepingSmsProvider"
    sms.KeepingSmsProvider.sent.clear()
    return make_helpers_cast()


def log_in(page: Page, base: str, hc: HelpersCast) -> None:
    page.goto(base + "/dai-su-so/ho-tro/")
    page.get_by_label("Số định danh cá nhân, mã số thuế hoặc tên đăng nhập").fill(
        hc.helper.username
    )
    page.get_by_label("Mật khẩu").fill(hc.helper_password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/dai-su-so/ho-tro/")


def start_for_neighbour(page: Page) -> None:
    page.get_by_role("link", name="Khai giúp một hồ sơ mới").click()
    page.get_by_role("link", name=re.compile("Khai giúp thủ tục này")).click()
    page.get_by_label("Họ và tên người nộp").fill("Phạm Thị Lan")
    page.get_by_label("Số định danh cá nhân của người nộp (12 số)").fill("001 185 012 345")
    page.get_by_label("Số điện thoại di động của người nộp").fill("0977 123 456")
    page.get_by_label("Người nộp đã nhờ tôi khai giúp hồ sơ này").check()
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()


def fill_and_upload(page: Page, tmp_path: Path) -> None:
    expect(page.get_by_text("Bạn đang khai giúp")).to_be_visible()
    page.get_by_label("Họ, chữ đệm và tên").fill("Phạm Minh Khôi")
    page.get_by_label("Ngày sinh").fill("20/11/2026")
    page.get_by_label("Nam", exact=True).check()
    page.get_by_role("button", name="Tiếp tục").click()
    assert page.get_by_label("Họ tên người đi khai").input_value() == "Phạm Thị Lan"
    page.get_by_role("button", name="Tiếp tục").click()
    pdf = tmp_path / "giay-chung-sinh.pdf"
    pdf.write_bytes(PDF_BYTES)
    page.get_by_label("Giấy chứng sinh").set_input_files(str(pdf))
    page.get_by_role("button", name="Tiếp tục").click()


def confirm_with_the_sms_code(page: Page) -> None:
    assert page.get_by_role("button", name="Nộp hồ sơ").count() == 0
    page.get_by_role("button", name="Gửi mã xác nhận cho người nộp").click()
    expect(page.get_by_text("Đã gửi mã xác nhận tới 09xx***456.")).to_be_visible()
    phone, _text = sms.KeepingSmsProvider.sent[-1]
    assert phone == "0977123456"
    page.get_by_label("Mã xác nhận (6 chữ số)").fill(sms.last_code(sms.KeepingSmsProvider.sent))
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url(re.compile(r".*/dai-su-so/ho-tro/[0-9a-f-]{36}/$"))


def test_an_ambassador_helps_a_neighbour_submit_without_javascript(
    browser: Browser, live_server, browser_hc: HelpersCast, tmp_path: Path
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    log_in(page, live_server.url, browser_hc)
    start_for_neighbour(page)
    fill_and_upload(page, tmp_path)
    confirm_with_the_sms_code(page)

    dossier = Dossier.objects.get()
    assert dossier.status == Status.SUBMITTED
    assert dossier.helper == browser_hc.helper
    assert dossier.applicant.username == "001185012345"
    expect(page.get_by_text(f"Đã nộp hồ sơ. Mã hồ sơ là {dossier.code}.")).to_be_visible()
    expect(page.get_by_text("Mới đăng ký").first).to_be_visible()
    assert page.get_by_text("Phạm Minh Khôi").count() == 0
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()
