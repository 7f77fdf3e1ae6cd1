"""A citizen finds a procedure from the home page and opens it, in a real
browser, with and without JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dichvucong.catalogue.tests.sample_catalogue import CatalogueSample, make_catalogue_sample

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCREENSHOT = Path("/tmp/catalogue-phone.png")


@pytest.fixture
def browser_catalogue(transactional_db, settings, tmp_path: Path) -> CatalogueSample:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return make_catalogue_sample()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_citizen_finds_birth_registration_and_can_submit_online(
    browser: Browser, live_server, browser_catalogue, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Tìm thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url("**/thu-tuc/?q=dang+ky+khai+sinh")
    expect(page.get_by_text("Tìm thấy 1 thủ tục")).to_be_visible()

    page.get_by_role("link", name="Đăng ký khai sinh", exact=True).click()
    page.wait_for_url("**/thu-tuc/1.001193/")
    expect(page.get_by_role("heading", name="Đăng ký khai sinh")).to_be_visible()
    expect(page.get_by_text("Giấy chứng sinh")).to_be_visible()
    expect(page.get_by_role("link", name="Tải mẫu đơn, tờ khai")).to_be_visible()
    submit = page.get_by_role("link", name="Nộp hồ sơ trực tuyến").first
    expect(submit).to_be_visible()
    assert submit.get_attribute("href") == "/ho-so/nop/1.001193/"
    context.close()


def test_catalogue_fits_a_phone_screen(browser: Browser, live_server, browser_catalogue) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + "/thu-tuc/")
    # Nothing may stick out sideways: sideways scrolling on a phone is
    # where people get lost.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    context.close()
