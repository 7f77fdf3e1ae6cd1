"""Every public page a visitor reaches by following links from the home
page, on a 360×640 phone: the header takes at most 120 px, nothing scrolls
sideways, and axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urlparse

import pytest

from dichvucong.catalogue.tests.sample_catalogue import make_catalogue_sample

if TYPE_CHECKING:
    from playwright.sync_api import APIResponse, Browser, Page

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 360, "height": 640}
HEADER_MAX = 120
MAX_PAGES = 60
# Files, the API, Django admin and the payment gateway are not pages of the site shell.
NOT_PAGES = (".pdf", ".csv", ".json", ".docx", ".xlsx", ".png", ".svg", ".ico")
NOT_CRAWLED = ("/api/", "/quan-tri/", "/thanh-toan/", "/static/", "/media/")


@pytest.fixture
def public_site(transactional_db, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    make_catalogue_sample()


def fits_a_small_phone(page: Page) -> list[str]:
    problems = []
    header = page.locator("header").first.bounding_box()
    if header is None or header["height"] > HEADER_MAX:
        problems.append(f"header {header and header['height']} px")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"scrolls sideways by {overflow} px")
    return problems


def is_a_page(response: APIResponse) -> bool:
    """An HTML page, not a file to download or a redirect (followed when its
    target is linked)."""
    return response.ok and response.headers.get("content-type", "").startswith("text/html")


def links_on(page: Page, origin: str) -> set[str]:
    found = set()
    for href in page.eval_on_selector_all("a[href]", "(links) => links.map((a) => a.href)"):
        url = urldefrag(href).url
        path = urlparse(url).path
        download = "format=" in url or path.endswith(NOT_PAGES)
        if url.startswith(origin + "/") and not download and not path.startswith(NOT_CRAWLED):
            found.add(url)
    return found


def test_public_pages_fit_a_small_phone_and_pass_axe(
    browser: Browser, live_server, public_site, axe
) -> None:
    context = browser.new_context(viewport=SMALL_PHONE, device_scale_factor=1, locale="vi-VN")
    page = context.new_page()
    to_visit, seen, problems = [live_server.url + "/"], set(), {}
    while to_visit and len(seen) < MAX_PAGES:
        url = to_visit.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if not is_a_page(context.request.get(url, max_redirects=0)):
            continue
        response = page.goto(url)
        assert response is not None and response.status < 400, (url, response)
        found = fits_a_small_phone(page)
        try:
            axe(page, url)
        except AssertionError as violations:  # all pages' problems listed at once
            found.append(str(violations))
        if found:
            problems[url] = found
        to_visit += sorted(links_on(page, live_server.url) - seen)
    context.close()
    assert problems == {}, "\n".join(f"{url}: {found}" for url, found in problems.items())
    assert len(seen) >= 15, seen  # the crawl really went round the site
