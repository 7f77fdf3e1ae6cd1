"""The name is neutralised, never trusted: markup is refused whatever it
is called, the type comes from the last extension and must match the
content, and the type the browser declared must not contradict it."""

from __future__ import annotations

import io

import pytest

from dichvucong.lib import filecheck
from dichvucong.lib.tests import hostile_files as corpus

PDF = corpus.document()


def check(
    name: str,
    data: bytes,
    declared: str | None = "application/pdf",
    accepted: filecheck.Accepted = filecheck.DOCUMENTS,
) -> filecheck.Checked:
    return filecheck.check_upload(name, declared, io.BytesIO(data), accepted)


def message(name: str, data: bytes, declared: str | None = "application/pdf") -> str:
    with pytest.raises(filecheck.FileRefused) as caught:
        check(name, data, declared)
    return caught.value.text(str)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/giay-khai-sinh.pdf", "giay-khai-sinh.pdf"),
        ("C:\\Users\\An\\Desktop\\giấy tờ.PDF", "giấy tờ.pdf"),
        ("giay\x00khai\x07sinh\x1b.pdf", "giaykhaisinh.pdf"),
        ("hoa\u202efdp.exe.pdf", "hoafdp.exe.pdf"),  # the right-to-left trick, neutralised
        ("gia\u0301y to\u0300.pdf", "giáy tò.pdf"),  # NFD from a Mac, made NFC
        ("<script>.pdf", "_script_.pdf"),
        ("...pdf", "pdf"),
        ("", "tep"),
        ("a" * 300 + ".pdf", "a" * 90 + ".pdf"),
    ],
)
def test_the_kept_name_has_no_folder_and_no_control_characters(given: str, kept: str) -> None:
    assert filecheck.clean_name(given) == kept


def test_a_name_with_a_path_and_control_characters_is_neutralised_not_refused() -> None:
    checked = check("../../giay\x00-khai-sinh\x1f.pdf", PDF)
    assert checked.name == "giay-khai-sinh.pdf"
    assert checked.file_type is filecheck.PDF


@pytest.mark.parametrize("name", ["anh.svg", "anh.png", "giay.pdf", "anh.jpg", "anh"])
def test_an_svg_is_refused_whatever_its_name(name: str) -> None:
    assert message(name, corpus.SVG, "image/svg+xml").startswith("Tệp là ảnh SVG")


@pytest.mark.parametrize("data", [corpus.HTML, corpus.HTML_UTF16, b"\xef\xbb\xbf  <html>"])
def test_an_html_page_renamed_pdf_is_refused_as_a_web_page(data: bytes) -> None:
    assert message("giay-chung-sinh.pdf", data) == (
        "Tệp là một trang web (HTML), không phải giấy tờ. Chỉ nhận tệp PDF, JPG hoặc PNG."
    )


def test_a_second_extension_meant_to_mislead_is_named() -> None:
    assert message("giay-chung-sinh.pdf.html", PDF) == (
        "Tên tệp có hai đuôi (“.pdf.html”) nên thực chất là tệp .html. "
        "Chỉ nhận tệp PDF, JPG hoặc PNG."
    )
    assert message("to-khai.docx", b"PK\x03\x04") == "Chỉ nhận tệp PDF, JPG hoặc PNG."
    assert check("scan.2024.05.pdf", PDF).name == "scan.2024.05.pdf"


@pytest.mark.parametrize(
    ("name", "data", "declared"),
    [
        ("giay.pdf", PDF, "text/html"),
        ("giay.pdf", PDF, "image/svg+xml"),
        ("giay.pdf", PDF, "image/png"),
        ("anh.png", corpus.png(), "application/pdf"),
        ("anh.jpg", corpus.JPEG, "image/png"),
        ("giay.pdf", PDF, "text/plain"),
    ],
)
def test_a_declared_type_that_contradicts_the_content_is_refused(name, data, declared) -> None:
    text = message(name, data, declared)
    assert text.startswith(f"Loại tệp trình duyệt gửi kèm (“{declared}”) không khớp với nội dung")


@pytest.mark.parametrize(
    "declared",
    [
        None,
        "",
        "application/octet-stream",
        "application/pdf",
        "Application/PDF; name=x",
        "application/x-pdf",
    ],
)
def test_an_unknown_or_matching_declared_type_is_fine(declared: str | None) -> None:
    assert check("giay.pdf", PDF, declared).file_type.content_type == "application/pdf"


def test_content_that_is_not_what_the_extension_says_is_refused() -> None:
    assert message("giay.pdf", corpus.png(), "") == "Nội dung tệp không đúng định dạng .pdf."
    assert message("anh.png", b"MZ\x90\x00", "") == "Nội dung tệp không đúng định dạng .png."


def test_each_place_accepts_its_own_kinds_by_the_same_rule() -> None:
    assert check(
        "huong-dan.pptx", b"PK\x03\x04...", "application/zip", filecheck.MATERIALS
    ).file_type.content_type.endswith("presentation")
    with pytest.raises(filecheck.FileRefused) as caught:
        check("huong-dan.pdf", corpus.OPEN_ACTION_JS, "application/pdf", filecheck.MATERIALS)
    assert caught.value.code == "pdf_javascript"
    with pytest.raises(filecheck.FileRefused) as caught:
        check("mau-don.png", corpus.png(), "image/png", filecheck.FORM_TEMPLATES)
    assert caught.value.text(str) == (
        "Chỉ nhận tệp PDF, Word (.doc, .docx) hoặc OpenDocument (.odt)."
    )
