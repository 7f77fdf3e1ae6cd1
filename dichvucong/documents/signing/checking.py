"""Checking a PDF's signature against the configured trust roots, offline
(no revocation fetching: no network), with one of four outcomes the
verification page says in plain words."""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from asn1crypto import parser
from django.core.cache import cache
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import extract_contents
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from dichvucong.documents.signing.keys import keys
from dichvucong.documents.signing.loop import outside_any_loop

# pyHanko logs a traceback at ERROR for every certificate it cannot chain
# to a trusted root: an expected outcome here, told to the user instead.
logging.getLogger("pyhanko.sign.validation").setLevel(logging.CRITICAL)

CACHE_SECONDS = 24 * 3600


class Outcome(StrEnum):
    GENUINE = "genuine"  # trusted signer, signed bytes unchanged
    CHANGED = "changed"  # signed, but the file changed after signing
    UNTRUSTED = "untrusted"  # intact, but the signer chains to no trusted root
    UNSIGNED = "unsigned"  # no signature at all


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    signer: str = ""  # the certificate's subject: common name, organisation
    signed_at: datetime | None = None  # as the signer's clock said (no time stamp)
    demo: bool = False  # signed by the demo CA of this installation

    @property
    def genuine(self) -> bool:
        return self.outcome == Outcome.GENUINE


def _subject(status: PdfSignatureStatus) -> str:
    native = status.signing_cert.subject.native
    parts = [native.get("common_name", ""), native.get("organization_name", "")]
    return (
        " – ".join(str(part) for part in parts if part)
        or status.signing_cert.subject.human_friendly
    )


def _verdict(status: PdfSignatureStatus) -> Verdict:
    signer, moment = _subject(status), status.signer_reported_dt
    whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not (status.intact and status.valid and whole_file):
        return Verdict(Outcome.CHANGED, signer, moment)
    if not status.trusted:
        return Verdict(Outcome.UNTRUSTED, signer, moment)
    return Verdict(Outcome.GENUINE, signer, moment, demo=keys().demo_root is not None)


def _padded_with_zeros(signature: EmbeddedPdfSignature) -> bool:
    """The room reserved for the signature holds it and then zeros only.
    That room is the one part of the file a signature cannot cover, so a
    byte changed in it would otherwise leave the verdict "unchanged"."""
    contents = extract_contents(signature.sig_object)
    _, _, _, header, body, trailer = parser.parse(contents, strict=False)
    return not contents[len(header) + len(body) + len(trailer) :].strip(b"\x00")


def _judged(signature: EmbeddedPdfSignature, context: ValidationContext) -> Verdict:
    verdict = _verdict(outside_any_loop(lambda: validate_pdf_signature(signature, context)))
    if not _padded_with_zeros(signature):
        return Verdict(Outcome.CHANGED, verdict.signer, verdict.signed_at)
    return verdict


def _check(data: bytes) -> Verdict:
    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
        if not signatures:
            return Verdict(Outcome.UNSIGNED)
        context = ValidationContext(trust_roots=list(keys().trust_roots), allow_fetching=False)
        # Every signature must hold; the last one covers the whole file.
        verdicts = [_judged(sig, context) for sig in signatures]
    except Exception:
        # A file pyHanko cannot read through: damaged, if it had been signed.
        signed = b"/ByteRange" in data
        return Verdict(Outcome.CHANGED if signed else Outcome.UNSIGNED)
    return next((v for v in verdicts if not v.genuine), verdicts[-1])


def verify(data: bytes) -> Verdict:
    """The verdict on `data`."""
    return verify_stored(hashlib.sha256(data).hexdigest(), lambda: data)


def verify_stored(digest: str, read: Callable[[], bytes]) -> Verdict:
    """The verdict on the file whose SHA-256 is `digest`, kept a day per
    content and trust roots: the QR code's page checks a stored result on
    every visit, and reads the file only when the verdict is not kept."""
    roots = b"".join(root.sha256 for root in keys().trust_roots)
    key = "signing-verdict:" + hashlib.sha256(roots + digest.encode()).hexdigest()
    verdict = cache.get(key)
    if verdict is None:
        verdict = _check(read())
        cache.set(key, verdict, CACHE_SECONDS)
    return verdict
