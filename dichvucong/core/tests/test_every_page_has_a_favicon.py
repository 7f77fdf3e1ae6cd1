"""Browsers ask for /favicon.ico whatever the page says: it answers 200
with an icon, and every page names the icon."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # the ICO header


def test_pages_link_to_the_icon(client):
    page = client.get("/").content.decode()

    assert 'rel="icon" href="/static/favicon.svg"' in page
    assert 'rel="icon" href="/favicon.ico"' in page


def test_the_svg_icon_is_a_static_file(client):
    assert client.get("/static/favicon.svg").status_code == 200
