"""A mother registers on a 360 px phone: the group list shows only her
ward's groups, "Tổ 2" before "Tổ 10"; a birth registration she starts
before confirming is refused with the way to confirm; she reads the code
from the SMS, confirms, and the same draft goes in."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dichvucong.accounts.tests.identity_steps import MOTHER_ID, MOTHER_PHONE, PASSWORD
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import PDF_BYTES, Cast, make_cast
from dichvucong.outreach.tests.helpers_tests.sms import KeepingSmsProvider, last_code

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

CHEAP_PHONE = {"width": 360, "height": 640}


@pytest.fixture
def world(transactional_db, settings, tmp_path: Path) -> Cast:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SMS_PROVIDER = "dichvucong.outreach.tests.helpers_tests.sms.KeepingSmsProvider"
    KeepingSmsProvider.sent.clear()
    cast = make_cast()
    for name, code in (("Tổ 10", "T-KM-10"), ("Tổ 2", "T-KM-2")):
        AdminUnit.objects.create(name=name, code=code, level=UnitLevel.GROUP, parent=cast.ward_a)
    AdminUnit.objects.create(name="Tổ 5", code="T-KD-5", level=UnitLevel.GROUP, parent=cast.ward_b)
    return cast


def visible_groups(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#id_residential_group optgroup:not([hidden]) option",
        "options => options.map(o => o.textContent)",
    )


def register(page: Page, base: str) -> None:
    page.goto(base + "/tai-khoan/dang-ky/")
    page.get_by_label("Họ và tên").fill("Đỗ Thị Mai")
    page.get_by_label("Số định danh cá nhân").fill(MOTHER_ID)
    page.get_by_label("Ngày sinh").fill("01/05/1985")
    page.get_by_label("Số điện thoại di động").fill(MOTHER_PHONE)
    page.get_by_label("Số nhà, ngõ, đường").fill("8 ngõ 12")
    page.get_by_label("Phường/xã").select_option(label="Khương Mai")
    assert visible_groups(page) == ["Tổ 2", "Tổ 10", "Tổ dân phố 1"]
    page.get_by_label("Phường/xã").select_option(label="Khương Đình")
    assert visible_groups(page) == ["Tổ 5"]
    page.get_by_label("Phường/xã").select_option(label="Khương Mai")
    page.get_by_label("Tổ dân phố").select_option(label="Tổ 2")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng ký").click()
    page.wait_for_url("**/tai-khoan/xac-nhan-so-dien-thoai/")


def fill_steps(page: Page) -> None:
    """The birth registration's e-form; her own details come prefilled."""
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    page.get_by_label("Họ, chữ đệm và tên").fill("Nguyễn Minh An")
    page.get_by_label("Ngày sinh").fill("20/11/2026")
    page.get_by_label("Nữ").check()
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_text("Bước 2/4")).to_be_visible()
    assert page.get_by_label("Số định danh cá nhân").input_value() == MOTHER_ID
    page.get_by_role("button", name="Tiếp tục").click()


def upload_and_submit(page: Page, tmp_path: Path) -> None:
    pdf = tmp_path / "giay-chung-sinh.pdf"
    pdf.write_bytes(PDF_BYTES)
    page.get_by_label("Giấy chứng sinh").set_input_files(str(pdf))
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", name="Kiểm tra lại trước khi nộp")).to_be_visible()
    page.get_by_role("button", name="Nộp hồ sơ").click()


def test_a_mother_registers_confirms_and_submits_on_a_cheap_phone(
    browser: Browser, live_server, world: Cast, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=CHEAP_PHONE, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    register(page, live_server.url)
    code = last_code([sms for sms in KeepingSmsProvider.sent if sms[0] == MOTHER_PHONE])

    # Before confirming: the draft is prepared, the submission refused.
    page.goto(live_server.url + "/ho-so/nop/1.001193/")
    fill_steps(page)
    upload_and_submit(page, tmp_path)
    expect(page.locator(".messages")).to_contain_text("chưa xác nhận số điện thoại")
    expect(page.locator(".messages")).to_contain_text("Xác nhận số điện thoại")
    draft = Dossier.objects.get(applicant__username=MOTHER_ID)
    assert draft.status == Status.DRAFT

    page.goto(live_server.url + "/tai-khoan/xac-nhan-so-dien-thoai/")
    page.get_by_label("Mã xác nhận (6 chữ số)").fill(code)
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.locator(".messages")).to_contain_text("Đã xác nhận số điện thoại")

    page.goto(live_server.url + f"/ho-so/{draft.public_id}/kiem-tra/")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url(re.compile(r".*/ho-so/[0-9a-f-]{36}/$"))
    expect(page.locator(".messages")).to_contain_text("Đã nộp hồ sơ thành công")
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert page.evaluate("document.documentElement.scrollWidth") <= CHEAP_PHONE["width"]
    context.close()
