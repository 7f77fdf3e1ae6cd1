"""Signing a finished PDF: one invisible PAdES signature (B-B: no time
stamp, as no time-stamping authority is reachable) over the whole file,
by the issuing agency's certificate, or the office's (keys.py)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from dichvucong.documents.signing.keys import signer_for
from dichvucong.documents.signing.loop import outside_any_loop

if TYPE_CHECKING:
    from dichvucong.catalogue.models import Agency

FIELD = "ChuKySoCoQuan"
REASON = "Văn bản điện tử do cơ quan cấp qua Hệ thống dịch vụ công"
LOCATION = "Việt Nam"


def sign(data: bytes, agency: Agency | None = None) -> bytes:
    """`data` (a PDF) with the signature of `agency` (the one issuing it:
    the dossier's) appended as an incremental update: the signed bytes are
    the ones to store and send."""
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD,
        reason=REASON,
        location=LOCATION,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    output = io.BytesIO()
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    signer = signer_for(agency)
    outside_any_loop(lambda: signers.sign_pdf(writer, metadata, signer=signer, output=output))
    return output.getvalue()
