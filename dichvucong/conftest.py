"""Fixtures shared by every app's tests."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright. Playwright's own browser
    downloads are never used: the tests must run on the packaged one."""
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).exists():
        pytest.skip(f"no Chromium at {chromium} (apt install chromium, or set CHROMIUM_PATH)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -r requirements-dev.txt)")
    # Playwright's sync API keeps an event loop running in this thread, and
    # Django refuses database calls from a thread with a running loop. The
    # tests' own database calls are ordinary synchronous ones.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            yield launched
            launched.close()


@pytest.fixture(autouse=True)
def fresh_throttle_counters() -> Iterator[None]:
    """Throttling counts in the cache (dichvucong/throttle), which would
    outlive the test and refuse the next one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cast(db):  # type: ignore[no-untyped-def]
    """The usual cast (dossiers/testing.py): two wards, their staff, applicants."""
    from dichvucong.dossiers.testing import make_cast

    return make_cast()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives Chromium is a browser test whether or not its
    file says so: CI's PostgreSQL leg leaves these out (.ci/run)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def axe_on_every_page(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every page state a browser journey reaches, errors included: each
    HTML page the live server sent during the test is shown again on a
    360x640 phone and checked by axe-core for WCAG 2.0/2.1/2.2 A and AA
    violations; the test fails listing them (dichvucong/lib/axe.py)."""
    if not {"browser", "live_server"} <= set(request.fixturenames):
        yield
        return
    from dichvucong.lib import axe as engine

    engine.source()  # fetched (and verified) before the journey starts
    served = engine.ServedPages()
    engine.recording = served
    try:
        yield
    finally:
        engine.recording = None
    browser = request.getfixturevalue("browser")
    origin = request.getfixturevalue("live_server").url
    problems = engine.check_served(browser, origin, served)
    assert not problems, "axe found violations:\n" + "\n\n".join(problems)


@pytest.fixture(scope="session")
def axe() -> Iterator[Callable[..., None]]:
    """`axe(page, "where")` fails listing the WCAG 2.0/2.1/2.2 A and AA
    violations axe-core finds on the page as it stands (dichvucong/lib/axe.py)."""
    from dichvucong.lib.axe import assert_accessible, source

    source()  # fetched (and verified) once, before any page is open
    yield assert_accessible
