"""axe-core, the accessibility engine the browser tests inject into pages.

It comes from the npm registry as its published tarball, pinned to one
version and checked against the registry's sha512 integrity before a byte
of it is used, then kept beside the virtualenv (`<venv>/share/axe-core-
<version>/axe.min.js`), so only the first run needs the network.
`make install-dev` fetches it; `python -m dichvucong.lib.axe` does the same.

axe-core is MPL-2.0: it is used as published, never changed or shipped
with the site.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import os
import re
import sys
import tarfile
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
# `npm view axe-core@4.14.1 dist.integrity`
INTEGRITY = (
    "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37O"
    "gudVGtQ=="
)
MEMBER = "package/axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def cache_path() -> Path:
    folder = os.environ.get("AXE_CORE_DIR") or Path(sys.prefix) / "share" / f"axe-core-{VERSION}"
    return Path(folder) / "axe.min.js"


def verified(tarball: bytes) -> bytes:
    """The tarball's axe.min.js, if the tarball is the one the registry
    published (its sha512); anything else is refused."""
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if f"sha512-{digest}" != INTEGRITY:
        raise ValueError(f"axe-core tarball does not match its integrity {INTEGRITY}")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise ValueError(f"{MEMBER} missing from the axe-core tarball")
        return member.read()


def fetch() -> Path:
    """The path of axe.min.js, downloaded and verified on first use."""
    path = cache_path()
    if path.exists():
        return path
    with urllib.request.urlopen(TARBALL, timeout=60) as response:  # noqa: S310 (a fixed https URL)
        script = verified(response.read())
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_bytes(script)
    partial.replace(path)
    return path


RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary.replace(/\\n/g, ' ')),
  }));
}"""


@functools.cache
def source() -> str:
    return fetch().read_text(encoding="utf-8")


def violations(page: Any) -> list[dict[str, Any]]:
    """axe's WCAG A/AA violations on the page as it stands (a Playwright
    page): injected afresh, as each navigation drops it."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's
        # Content-Security-Policy does not govern (a script element it would).
        page.evaluate("() => {\n" + source() + "\n}")
    return page.evaluate(RUN, WCAG_TAGS)


def describe(found: list[dict[str, Any]]) -> str:
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    {node}" for node in violation["nodes"][:8]]
    return "\n".join(lines)


# Django admin's own pages are Django's, not the site's.
NOT_OURS = ("/quan-tri/",)
CSRF_VALUE = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
REPLAY_VIEWPORT = {"width": 360, "height": 640}


# Page states already checked clean in this test process: the same page
# reached by another journey with other ids, dates or codes is not checked
# again (each check is a page load and an axe run).
CHECKED: set[bytes] = set()
UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DIGITS = re.compile(rb"[0-9]+")


def page_state(body: bytes) -> bytes:
    """What tells one page state from another: the body without its CSRF
    token, with ids and numbers made alike."""
    plain = DIGITS.sub(b"0", UUID.sub(b"U", CSRF_VALUE.sub(b"", body)))
    return hashlib.sha256(plain).digest()


class ServedPages:
    """The HTML pages a server sent, each distinct one once (CSRF tokens
    aside): address, body."""

    def __init__(self) -> None:
        self.pages: dict[bytes, tuple[str, bytes]] = {}

    def record(self, path: str, response: Any) -> None:
        html = response.get("Content-Type", "").startswith("text/html")
        packed = response.has_header("Content-Encoding")
        moved = 300 <= response.status_code < 400  # a redirect: no page to see
        if not html or packed or moved or response.streaming or path.startswith(NOT_OURS):
            return
        key = page_state(response.content)
        if key not in CHECKED:
            self.pages.setdefault(key, (path, response.content))

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        return iter(list(self.pages.values()))


# The pages of the browser test now running, when one is (the
# `axe_on_every_page` fixture in dichvucong/conftest.py sets it).
recording: ServedPages | None = None


def record_served_pages(get_response: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Test-only middleware (settings_test.py): keeps each HTML page the
    live server sends while a browser test records."""

    def middleware(request: Any) -> Any:
        response = get_response(request)
        if recording is not None:
            recording.record(request.get_full_path(), response)
        return response

    return middleware


def check_served(browser: Any, origin: str, served: ServedPages) -> list[str]:
    """Each served page shown again at its address on a 360x640 phone,
    its styles, images and scripts from the server, then checked: what axe
    found, per page. JavaScript stays on: axe.run returns a promise, and
    with JavaScript off a promise never settles (evaluate would hang)."""
    context = browser.new_context(viewport=REPLAY_VIEWPORT, locale="vi-VN")
    page = context.new_page()
    problems = []
    for path, body in served:
        address = origin + path
        page.route(lambda url, address=address: url == address, _fulfil(body))
        page.goto(address)
        page.unroute_all()
        if found := violations(page):
            problems.append(f"{path}\n{describe(found)}")
        else:
            CHECKED.add(page_state(body))
    context.close()
    return problems


def _fulfil(body: bytes) -> Any:
    def fulfil(route: Any) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)

    return fulfil


def assert_accessible(page: Any, where: str = "") -> None:
    """Fails listing every WCAG A/AA violation axe finds on the page."""
    found = violations(page)
    assert not found, f"axe: {where or page.url}\n{describe(found)}"


if __name__ == "__main__":
    print(fetch())
