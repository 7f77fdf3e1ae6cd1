"""On a 360 px wide phone the header, its menu closed, takes at most 120 px;
once its Menu button is pressed every link of the main menu, the outreach
sub-menu and the footer is at least 44 px tall, for each role of the demo
and for a visitor, and nothing sticks out sideways."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.core.tests.everyone import ROLES, make_everyone

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 360, "height": 740}
FINGER = 44
HEADER_MAX = 120
MENUS = ".main-nav a, .or-subnav a, .site-footer a"


@pytest.fixture
def everyone(transactional_db):  # type: ignore[no-untyped-def]
    return make_everyone()


def short_links(page: Page) -> list[tuple[str, float]]:
    """The menu links under a finger's height, with their height."""
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, page.url
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] <= HEADER_MAX, (page.url, header)
    menu_button = page.locator(".site-header summary")
    assert menu_button.bounding_box()["height"] >= FINGER  # type: ignore[index]
    menu_button.click()
    links = page.locator(MENUS)
    expect(links.first).to_be_visible()
    expect(page.locator(".site-footer a")).to_have_count(4)
    found = []
    for link in links.all():
        box = link.bounding_box()
        assert box is not None, link.inner_text()
        found.append((link.inner_text(), box["height"]))
    return [(text, height) for text, height in found if height < FINGER]


def test_menu_and_footer_links_are_tall_enough_on_a_small_phone(
    browser: Browser, live_server, everyone
) -> None:
    context = browser.new_context(viewport=SMALL_PHONE, device_scale_factor=1, locale="vi-VN")
    page = context.new_page()
    too_short = {"visitor": on_page(page, live_server.url + "/")}
    for role in ROLES:
        log_in(page, live_server.url, everyone[role])
        # The user's own start page, with its sub-menus; Django admin (the
        # administrator's) has its own header, so the catalogue instead.
        page.goto(live_server.url + "/bat-dau/")
        if "/quan-tri/" in page.url:
            page.goto(live_server.url + "/thu-tuc/")
        too_short[role] = short_links(page)
    assert too_short == {who: [] for who in too_short}
    context.close()


def on_page(page: Page, url: str) -> list[tuple[str, float]]:
    page.goto(url)
    return short_links(page)


def log_in(page: Page, base: str, user: User) -> None:
    """A real session of the user's, handed to the browser as its cookie."""
    client = Client()
    login_verified(client, user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])
