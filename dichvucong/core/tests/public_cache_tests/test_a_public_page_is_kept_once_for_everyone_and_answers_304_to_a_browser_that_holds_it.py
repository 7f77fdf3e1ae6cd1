"""An anonymous visitor's public page is built once and then served from
the shared cache without a database query; it carries an ETag and a
Last-Modified, and a browser that sends either back gets 304 with no body."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dichvucong.core.caching import PAGE_AREAS
from dichvucong.core.tests.public_cache_tests.pages import public_paths


def test_every_kept_page_is_listed_here(cast) -> None:
    assert set(public_paths(cast)) == set(PAGE_AREAS)


@pytest.mark.parametrize("name", sorted(PAGE_AREAS))
def test_a_public_page_is_kept_once_for_everyone_and_answers_304_to_a_browser_that_holds_it(
    client, cast, name
) -> None:
    path = public_paths(cast)[name]
    first = client.get(path)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, no-cache"
    etag, last_modified = first["ETag"], first["Last-Modified"]
    with CaptureQueriesContext(connection) as captured:
        again = client.get(path)
    assert len(captured) == 0
    assert again.content == first.content and again["ETag"] == etag
    assert again["Content-Type"] == first["Content-Type"]
    for validator in ({"If-None-Match": etag}, {"If-Modified-Since": last_modified}):
        held = client.get(path, headers=validator)
        assert held.status_code == 304 and held.content == b""
        assert held["ETag"] == etag
