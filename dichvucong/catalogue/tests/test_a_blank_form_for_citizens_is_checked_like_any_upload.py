"""The blank forms an administrator attaches to a procedure are downloaded
by citizens: the admin refuses one with a script, an HTML page renamed
.pdf or a type it does not publish, with the reason; a real PDF is stored
under its clean name."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.catalogue.admin import RequiredDocumentForm
from dichvucong.lib.tests import hostile_files as corpus

FIELDS = {"position": 1, "name": "Tờ khai đăng ký khai sinh", "required": "on"}


def form_with(name: str, content: bytes, declared: str = "application/pdf"):
    upload = SimpleUploadedFile(name, content, content_type=declared)
    return RequiredDocumentForm(FIELDS, {"template": upload})


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("to-khai.pdf", corpus.OPEN_ACTION_JS_ESCAPED, "Tệp PDF có chứa mã lệnh"),
        ("to-khai.pdf", corpus.OPEN_URL_ON_OPEN, "Tệp PDF có lệnh tự chạy khi mở"),
        ("to-khai.pdf", corpus.HTML, "Tệp là một trang web (HTML)"),
        ("to-khai.exe", b"MZ\x90\x00", "Chỉ nhận tệp PDF, Word (.doc, .docx) hoặc OpenDocument"),
    ],
    ids=["javascript", "open-url", "html", "program"],
)
def test_a_hostile_blank_form_is_refused(db, name: str, content: bytes, message: str) -> None:
    form = form_with(name, content)
    assert not form.is_valid()
    assert message in form.errors["template"][0]


def test_a_real_pdf_form_is_taken_under_its_clean_name(db) -> None:
    form = form_with("../mau\x00 to-khai.pdf", corpus.document())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["template"].name == "mau to-khai.pdf"
