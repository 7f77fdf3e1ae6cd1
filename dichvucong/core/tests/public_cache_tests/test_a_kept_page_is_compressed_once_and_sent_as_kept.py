"""A kept public page is compressed once, when it is kept: a browser that
accepts gzip gets the same gzipped bytes every time (no compression per
request, so no BREACH padding either: the page holds no secret), one that
does not gets the page itself; both are told the answer varies with
Accept-Encoding, and both get exactly the page that was built."""

from __future__ import annotations

import gzip

import pytest

from dichvucong.core.caching import PAGE_AREAS
from dichvucong.core.tests.public_cache_tests.pages import public_paths

GZIP = {"Accept-Encoding": "gzip, deflate"}


@pytest.mark.parametrize("name", sorted(PAGE_AREAS))
def test_a_kept_page_is_sent_gzipped_as_kept_or_plain(client, cast, name) -> None:
    path = public_paths(cast)[name]
    built = client.get(path)
    assert built.status_code == 200 and "Content-Encoding" not in built

    zipped = [client.get(path, headers=GZIP) for _ in range(2)]
    for answer in zipped:
        assert answer["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in answer["Vary"]
        assert answer["ETag"] == built["ETag"]
        assert gzip.decompress(answer.content) == built.content
    # Django's gzip pads each response with random bytes; kept bytes do not change.
    assert zipped[0].content == zipped[1].content

    plain = client.get(path)
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    assert plain.content == built.content


def test_a_page_built_for_a_gzip_browser_is_kept_unzipped_inside(client, cast) -> None:
    """The first visitor's browser takes gzip: the page is built, compressed
    for them by the middleware, and kept; a visitor without gzip then
    still reads the page."""
    path = public_paths(cast)["reports:public"]
    first = client.get(path, headers=GZIP)
    assert first["Content-Encoding"] == "gzip"
    plain = client.get(path)
    assert "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(first.content)
    assert "Thống kê".encode() in plain.content
