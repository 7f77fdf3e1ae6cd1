"""Signing a finished PDF: one invisible PAdES signature (B-B: no time
stamp, as no time-stamping authority is reachable) over the whole file,
by the office certificate of keys.py."""

from __future__ import annotations

import io

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from dichvucong.documents.signing.keys import keys
from dichvucong.documents.signing.loop import outside_any_loop

FIELD = "ChuKySoCoQuan"
REASON = "Văn bản điện tử do cơ quan cấp qua Hệ thống dịch vụ công"
LOCATION = "Việt Nam"


def sign(data: bytes) -> bytes:
    """`data` (a PDF) with the office's signature appended as an
    incremental update: the signed bytes are the ones to store and send."""
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD,
        reason=REASON,
        location=LOCATION,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    output = io.BytesIO()
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    signer = keys().signer
    outside_any_loop(lambda: signers.sign_pdf(writer, metadata, signer=signer, output=output))
    return output.getvalue()
