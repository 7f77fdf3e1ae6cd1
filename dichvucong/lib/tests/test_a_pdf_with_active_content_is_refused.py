"""A PDF that runs something when opened (JavaScript, a launch, an
automatic action) or carries other files inside is refused, however it is
hidden; ordinary PDFs, including what fpdf2 (our own slips) writes, pass."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from dichvucong.lib import pdfscan
from dichvucong.lib.tests.hostile_files import ACTIVE_PDFS, ORDINARY_PDFS


def refusal(data: bytes) -> str | None:
    try:
        pdfscan.scan(data)
    except pdfscan.PdfProblem as problem:
        return problem.code
    return None


@pytest.mark.parametrize(("data", "code"), ACTIVE_PDFS.values(), ids=ACTIVE_PDFS.keys())
def test_each_active_pdf_of_the_corpus_is_refused_for_its_reason(data: bytes, code: str) -> None:
    assert refusal(data) == code


@pytest.mark.parametrize("data", ORDINARY_PDFS.values(), ids=ORDINARY_PDFS.keys())
def test_each_ordinary_pdf_of_the_corpus_passes(data: bytes) -> None:
    assert refusal(data) is None


def test_a_pdf_written_by_fpdf2_with_links_and_bookmarks_passes() -> None:
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for number in range(1, 4):
        pdf.add_page()
        pdf.start_section(f"Muc {number}")
        pdf.cell(text="/JavaScript (app.alert) /AA <script>", link="https://dichvucong.gov.vn")
    assert refusal(bytes(pdf.output())) is None


def test_the_same_javascript_outside_a_string_is_found_inside_one_it_is_not() -> None:
    from dichvucong.lib.tests.hostile_files import document

    assert refusal(document(b"/Names << /JavaScript 5 0 R >>", more=[b"<< >>"])) == "javascript"
    assert refusal(document(b"/Title (/Names << /JavaScript 5 0 R >>)")) is None
    assert refusal(document(b"/Title <2F4A53>")) is None  # "/JS" as a hex string
