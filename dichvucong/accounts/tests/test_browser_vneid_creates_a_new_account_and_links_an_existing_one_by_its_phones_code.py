"""The whole national e-ID journey in Chromium, against the stand-in
provider on its own address: a new person presses the VNeID button,
picks herself at the provider and comes back logged in to a new account
at the national e-ID level; the holder of an existing account comes back
to a page asking for the code sent to that account's phone, a wrong code
is refused, the right one links the account, whose name and address the
details page then shows as the provider's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from dichvucong.accounts.models import NationalEidLink, User
from dichvucong.accounts.tests.vneid_steps import KNOWN, NEW, start_provider
from dichvucong.accounts.vneid.standin import StandIn
from dichvucong.outreach.tests.helpers_tests.sms import last_code

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

BUTTON = "Đăng nhập bằng định danh điện tử VNeID"
PHONE = {"width": 360, "height": 640}


@pytest.fixture
def provider(transactional_db: None, settings: Any, live_server: Any) -> Iterator[StandIn]:
    started = start_provider(settings, live_server.url)
    yield started
    started.stop()


def at_the_provider(browser: Browser, base: str, name: str) -> Page:
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(base + "/tai-khoan/dang-nhap/")
    page.get_by_role("link", name=BUTTON).click()
    expect(page.get_by_role("heading", name="VNeID (giả lập để thử nghiệm)")).to_be_visible()
    page.get_by_label(name).check()
    page.get_by_role("button", name="Đồng ý và đăng nhập").click()
    return page


def test_a_new_person_comes_back_with_an_account(
    browser: Browser, live_server: Any, provider: StandIn, units: Any
) -> None:
    page = at_the_provider(browser, live_server.url, NEW.claims["name"])

    expect(page.locator(".messages")).to_contain_text("Đã đăng nhập bằng VNeID")
    page.goto(live_server.url + "/tai-khoan/")
    expect(page.get_by_text("Định danh điện tử quốc gia (VNeID)")).to_be_visible()
    row = page.get_by_role("row", name="Số định danh cá nhân")
    expect(row).to_contain_text(NEW.claims["id_number"])
    assert NEW.claims["id_number"] not in page.url
    created = User.objects.get(username=NEW.claims["id_number"])
    assert created.national_eid.subject == NEW.claims["sub"]
    page.context.close()


def test_an_existing_account_is_linked_by_the_code_sent_to_its_phone(
    browser: Browser,
    live_server: Any,
    provider: StandIn,
    citizen: User,
    sent_sms: list[tuple[str, str]],
) -> None:
    page = at_the_provider(browser, live_server.url, KNOWN.claims["name"])

    expect(page.get_by_role("heading", name="Liên kết tài khoản với VNeID")).to_be_visible()
    code = last_code([sms for sms in sent_sms if sms[0] == "0912345678"])
    wrong = "000000" if code != "000000" else "111111"
    page.get_by_label("Mã xác nhận (6 chữ số)").fill(wrong)
    page.get_by_role("button", name="Xác nhận liên kết").click()
    expect(page.get_by_text("Mã không đúng")).to_be_visible()
    assert not NationalEidLink.objects.exists()

    page.get_by_label("Mã xác nhận (6 chữ số)").fill(code)
    page.get_by_role("button", name="Xác nhận liên kết").click()
    expect(page.locator(".messages")).to_contain_text("Đã liên kết tài khoản với VNeID")
    assert NationalEidLink.objects.get().user == citizen

    page.goto(live_server.url + "/tai-khoan/sua-thong-tin/")
    expect(page.get_by_label("Họ và tên")).to_be_disabled()
    expect(page.get_by_label("Số nhà, ngõ, đường")).to_have_value("Số 3, ngõ 7")
    expect(page.get_by_label("Thư điện tử (e-mail)")).to_be_enabled()
    assert code not in page.url
    page.context.close()
