"""People in a real browser, for the journey tests: each one in a context
of their own with JavaScript off, logged in through the login page, and
the PDFs the pages link to fetched with that person's session."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from playwright.sync_api import expect
from pypdf import PdfReader

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import pass_second_factor

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PHONE = {"width": 390, "height": 844}
OLD_PC = {"width": 1024, "height": 768}
PASSWORD = "matkhau-demo-1"
LOGIN_NAME = "Số định danh cá nhân, mã số thuế hoặc tên đăng nhập"


def person(browser: Browser, base: str, username: str | None, viewport: dict[str, int]) -> Page:
    """A fresh browser with JavaScript off: anonymous when `username` is
    None, else logged in from the "Đăng nhập" link in the page header
    (staff through their second factor too)."""
    context = browser.new_context(java_script_enabled=False, viewport=viewport, locale="vi-VN")
    page = context.new_page()
    page.goto(base + "/")
    if username is None:
        return page
    open_menu(page)
    page.get_by_role("link", name="Đăng nhập", exact=True).click()
    page.get_by_label(LOGIN_NAME).fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    # Staff then enrol their authenticator or type its code, as people do.
    pass_second_factor(page, User.objects.get(username=username))
    open_menu(page)
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    return page


def open_menu(page: Page) -> None:
    """On a phone the main menu hides behind its "Menu" button."""
    button = page.locator(".site-header .menu:not([open]) > summary")
    if button.is_visible():
        button.click()


def menu(page: Page, label: str) -> None:
    """A link of the main menu in the page header."""
    open_menu(page)
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    nav.get_by_role("link", name=label, exact=True).click()


def says(page: Page, text: str) -> None:
    """The flash message after a POST."""
    expect(page.locator(".messages")).to_contain_text(text)


def fits_the_screen(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow} px wider than the screen"


def pdf_behind(page: Page, link_name: str) -> bytes:
    """The PDF the link on the page leads to, fetched with the page's
    cookies: 200, application/pdf, and a real PDF."""
    link = page.get_by_role("link", name=link_name)
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    assert href, link_name
    response = page.request.get(urljoin(page.url, href))
    assert response.status == 200, (href, response.status)
    assert response.headers["content-type"] == "application/pdf", response.headers
    data = response.body()
    assert data.startswith(b"%PDF"), data[:20]
    return data


def pdf_text(data: bytes) -> str:
    """Every page's text, whitespace squeezed to single spaces."""
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def close(*pages: Page) -> None:
    for page in pages:
        page.context.close()
