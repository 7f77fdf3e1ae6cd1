"""Sign, verify, alter one byte, verify again; and the two ways of not
being signed by a trusted agency: no signature, or another CA's."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.utils import timezone

from dichvucong.documents import signing
from dichvucong.documents.signing import demo_ca
from dichvucong.documents.signing.checking import Outcome
from dichvucong.documents.tests.signed import another_office, one_byte_changed, plain_pdf


def test_a_freshly_signed_pdf_is_genuine_names_the_signer_and_the_time() -> None:
    verdict = signing.verify(signing.sign(plain_pdf()))

    assert verdict.outcome == Outcome.GENUINE
    assert demo_ca.OFFICE_NAME in verdict.signer
    assert verdict.signed_at is not None
    assert abs(timezone.now() - verdict.signed_at) < timedelta(minutes=1)
    assert verdict.demo


def test_one_changed_byte_is_changed_after_signing() -> None:
    signed = signing.sign(plain_pdf())

    verdict = signing.verify(one_byte_changed(signed))

    assert verdict.outcome == Outcome.CHANGED
    assert demo_ca.OFFICE_NAME in verdict.signer


def test_a_byte_changed_in_the_room_left_for_the_signature_is_a_change() -> None:
    """The signature's own room is the one part it cannot cover: past the
    signature it holds zeros, and anything else there is a change."""
    signed = signing.sign(plain_pdf())
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    at = end - 10  # well inside the zeros after the signature
    assert signed[at : at + 1] == b"0"

    verdict = signing.verify(signed[:at] + b"1" + signed[at + 1 :])

    assert verdict.outcome == Outcome.CHANGED


def test_bytes_added_after_the_signature_are_a_change() -> None:
    signed = signing.sign(plain_pdf())

    assert signing.verify(signed + b"\n% them mot dong\n").outcome == Outcome.CHANGED


def test_an_unsigned_pdf_is_not_signed() -> None:
    assert signing.verify(plain_pdf()).outcome == Outcome.UNSIGNED


def test_a_signature_by_another_ca_is_not_trusted(tmp_path) -> None:
    with another_office(tmp_path):
        forged = signing.sign(plain_pdf())
        # Its own CA trusts it: the signature itself is sound.
        own = signing.verify(forged)

    verdict = signing.verify(forged)

    assert own.outcome == Outcome.GENUINE and not own.demo
    assert verdict.outcome == Outcome.UNTRUSTED
    assert "Cơ quan giả mạo" in verdict.signer


def test_signing_twice_gives_two_genuine_files_of_the_same_document() -> None:
    data = plain_pdf()

    first, second = signing.sign(data), signing.sign(data)

    assert signing.verify(first).genuine and signing.verify(second).genuine
    assert first.startswith(data)


def test_signing_and_verifying_work_inside_a_running_event_loop() -> None:
    """As under an ASGI server or Playwright's sync API, where pyHanko's
    own asyncio.run would be refused."""
    async def inside() -> signing.Verdict:
        return signing.verify(signing.sign(plain_pdf()))

    # A thread of its own: the browser tests may already run a loop in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, inside()).result().genuine
