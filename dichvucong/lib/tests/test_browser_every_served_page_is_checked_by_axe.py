"""The check behind every browser journey (conftest.py,
`axe_on_every_page`): the pages the live server sent are recorded, shown
again and checked by axe-core, and a page with a violation fails it, with
the page's address and axe's rule in the message."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.http import HttpResponse

from dichvucong.lib import axe as engine

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def nothing_checked_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other journeys in this process may have checked the same pages."""
    monkeypatch.setattr(engine, "CHECKED", set())


PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title></head>
<body><main><h1>Trang thử</h1>{extra}</main></body></html>"""


def served(*pages: tuple[str, str]) -> engine.ServedPages:
    recorded = engine.ServedPages()
    for path, body in pages:
        recorded.record(path, HttpResponse(body, content_type="text/html; charset=utf-8"))
    return recorded


def test_a_page_with_an_unlabelled_field_and_an_image_without_text_is_reported(
    browser: Browser, live_server
) -> None:
    bad = PAGE.format(extra='<form><input name="so"></form><img src="/static/favicon.svg">')
    problems = engine.check_served(
        browser, live_server.url, served(("/tot/", PAGE.format(extra="")), ("/xau/", bad))
    )
    assert len(problems) == 1
    assert problems[0].startswith("/xau/")
    assert "label" in problems[0] and "image-alt" in problems[0]


def test_the_site_sends_pages_that_the_recorder_keeps_once_each(
    browser: Browser, live_server
) -> None:
    recorded = engine.ServedPages()
    engine.recording, saved = recorded, engine.recording
    try:
        page = browser.new_page()
        page.goto(live_server.url + "/")
        page.goto(live_server.url + "/")
        page.goto(live_server.url + "/static/favicon.svg")
        page.goto(live_server.url + "/bat-dau/")  # a redirect, then its page
        page.close()
    finally:
        engine.recording = saved
    assert [path for path, _body in recorded] == ["/"]


def test_redirects_and_compressed_bodies_are_not_kept_as_pages() -> None:
    moved = HttpResponse("", status=302, content_type="text/html; charset=utf-8")
    packed = HttpResponse(b"\x1f\x8b...", content_type="text/html; charset=utf-8")
    packed["Content-Encoding"] = "gzip"
    recorded = engine.ServedPages()

    recorded.record("/bat-dau/", moved)
    recorded.record("/thong-ke/", packed)
    recorded.record("/", HttpResponse(PAGE.format(extra=""), content_type="text/html"))

    assert [path for path, _body in recorded] == ["/"]


def test_a_page_checked_clean_is_not_checked_again_with_other_ids(
    browser: Browser, live_server
) -> None:
    link = '<p>Hồ sơ {code}</p><a href="/ho-so/{uuid}/">Xem</a>'
    first = PAGE.format(
        extra=link.format(code="H26-261203-0001", uuid="6a682c2c-9f01-4d1a-9196-c39a978f05a3")
    )
    again = PAGE.format(
        extra=link.format(code="H26-261204-0007", uuid="0c640ee5-cd18-4183-abff-eb2a6a2f5e25")
    )
    other = PAGE.format(extra="<p>Trang khác</p>")

    assert engine.check_served(browser, live_server.url, served(("/a/", first))) == []

    assert [path for path, _body in served(("/b/", again), ("/c/", other))] == ["/c/"]
