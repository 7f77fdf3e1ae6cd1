"""A plain PDF to sign, and another office whose CA this installation does
not trust."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.test import override_settings
from fpdf import FPDF

from dichvucong.documents.signing import demo_ca

MARK = b"dichvucong"  # the Creator in every PDF we make: a byte to alter


def plain_pdf(text: str = "Phiếu thử") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text.encode("ascii", "replace").decode())
    pdf.set_creator("dichvucong")
    return bytes(pdf.output())


def one_byte_changed(data: bytes) -> bytes:
    """The letter after the first MARK turned upper case: inside the
    signed bytes, and still a readable PDF."""
    at = data.index(MARK)
    return data[:at] + b"D" + data[at + 1 :]


@contextmanager
def another_office(folder: Path, name: str = "Cơ quan giả mạo") -> Iterator[demo_ca.DemoFiles]:
    """Signing with a certificate of a CA of its own, named in settings the
    way an operator names the agency's (and trusting only that CA)."""
    files = demo_ca.issue(folder, ca_name="CA không được công nhận", office_name=name)
    with override_settings(
        SIGNING_PKCS12_PATH=str(files.pkcs12),
        SIGNING_PKCS12_PASSWORD=files.password,
        SIGNING_TRUST_ROOTS=[str(files.root)],
    ):
        yield files
