"""The hostile PDFs of the corpus are PDFs a real reader opens and finds
the active part in (pypdf here), so the tests refuse real attacks, not
bytes shaped to please our own scanner."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from dichvucong.lib.tests import hostile_files as corpus

OPENED = {
    name: data
    for name, (data, code) in corpus.ACTIVE_PDFS.items()
    if code not in ("encrypted", "unreadable")
}


@pytest.mark.parametrize("data", OPENED.values(), ids=OPENED.keys())
def test_a_reader_opens_each_hostile_pdf_and_its_page(data: bytes) -> None:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert reader.trailer["/Root"]["/Type"] == "/Catalog"


@pytest.mark.parametrize(
    "data",
    [
        corpus.OPEN_ACTION_JS,
        corpus.OPEN_ACTION_JS_ESCAPED,
        corpus.OPEN_ACTION_JS_IN_OBJECT_STREAM,
        corpus.ASCII_HEX_OBJECT_STREAM_JS,
    ],
    ids=["plain", "name-escapes", "flate-object-stream", "ascii-hex-object-stream"],
)
def test_a_reader_finds_the_javascript_run_on_opening(data: bytes) -> None:
    action = PdfReader(io.BytesIO(data)).trailer["/Root"]["/OpenAction"].get_object()
    assert action["/S"] == "/JavaScript"
    assert "app.alert" in action["/JS"]


def test_a_reader_finds_the_embedded_file() -> None:
    reader = PdfReader(io.BytesIO(corpus.EMBEDDED_FILE))
    assert list(reader.attachments) == ["hoa-don.exe"]


@pytest.mark.parametrize("data", corpus.ORDINARY_PDFS.values(), ids=corpus.ORDINARY_PDFS.keys())
def test_a_reader_opens_each_ordinary_pdf(data: bytes) -> None:
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
