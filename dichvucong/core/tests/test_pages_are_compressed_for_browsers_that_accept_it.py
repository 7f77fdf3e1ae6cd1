"""Pages travel compressed to a browser that says it accepts gzip: the
statistics page, the heaviest public page, is 48 KB of HTML and must
stay under the 60 KB page budget on a cheap phone (bench/page_weight.py)."""

from __future__ import annotations

import gzip

import pytest


@pytest.mark.django_db
def test_the_statistics_page_is_sent_gzipped_and_reads_back_whole(client):
    plain = client.get("/thong-ke/")
    packed = client.get("/thong-ke/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content).decode() == plain.content.decode()
    assert len(packed.content) < len(plain.content) / 2


@pytest.mark.django_db
def test_a_page_with_a_form_is_compressed_too_and_keeps_its_csrf_token(client):
    packed = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_ENCODING="gzip")

    assert packed["Content-Encoding"] == "gzip"
    assert b"csrfmiddlewaretoken" in gzip.decompress(packed.content)
