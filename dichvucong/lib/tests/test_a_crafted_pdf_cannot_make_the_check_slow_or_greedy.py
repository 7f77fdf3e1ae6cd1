"""The PDF check reads hostile input: past limits no real file comes near
(nesting, tokens, objects, decoded size) the file is refused as unreadable
instead of being read on; a compressed bomb is never inflated in full."""

from __future__ import annotations

import time
import zlib

import pytest

from dichvucong.lib import pdfscan, pdfsyntax
from dichvucong.lib.tests.hostile_files import compressed_document, document


def refusal(data: bytes) -> str | None:
    try:
        pdfscan.scan(data)
    except pdfscan.PdfProblem as problem:
        return problem.code
    return None


def test_nesting_deeper_than_any_real_file_is_unreadable() -> None:
    assert refusal(document(b"/Deep " + b"[" * 65 + b"]" * 65)) == "unreadable"
    assert refusal(document(b"/Deep " + b"[" * 20 + b"]" * 20)) is None


def test_an_object_stream_that_inflates_to_a_bomb_is_unreadable() -> None:
    bomb = zlib.compress(b" " * (pdfsyntax.MAX_DECODED_STREAM + 1))
    assert len(bomb) < 100_000
    assert refusal(compressed_document(encode=lambda data: bomb)) == "unreadable"


def test_too_many_tokens_objects_or_items_are_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    ordinary = document()
    monkeypatch.setattr(pdfsyntax, "MAX_TOKENS", 10)
    assert refusal(ordinary) == "unreadable"
    monkeypatch.setattr(pdfsyntax, "MAX_TOKENS", 1000)
    monkeypatch.setattr(pdfsyntax, "MAX_OBJECTS", 3)
    assert refusal(ordinary) == "unreadable"
    monkeypatch.setattr(pdfsyntax, "MAX_OBJECTS", 10)
    monkeypatch.setattr(pdfsyntax, "MAX_ITEMS", 10)  # the page dictionary has 8
    assert refusal(document(b"/Widths [1 2 3 4 5 6 7 8 9 10 11]")) == "unreadable"
    assert refusal(document(b"/Widths [1 2 3 4]")) is None


def test_an_unclosed_string_of_parentheses_is_unreadable_not_walked() -> None:
    assert refusal(b"%PDF-1.4\n1 0 obj\n" + b"(" * (pdfsyntax.MAX_TOKENS + 1)) == "unreadable"


def test_many_streams_before_one_far_endstream_are_read_in_one_pass() -> None:
    # Searching for "endstream" afresh after each of 20 000 streams would
    # scan the 4 MB tail 20 000 times (80 GB); the search is remembered.
    data = b"%PDF-1.4\n" + b"1 0 obj<</Length 0>>stream\n" * 20_000 + b"x" * 4_000_000
    started = time.monotonic()
    assert refusal(data + b"\nendstream endobj") is None
    assert time.monotonic() - started < 60
