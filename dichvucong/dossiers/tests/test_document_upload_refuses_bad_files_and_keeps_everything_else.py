"""A refused file gets the reason next to its document; the other files of
the same post are saved and the e-form data is untouched."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.dossiers.constants import AttachmentKind
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.testing import PNG_BYTES, pdf_upload
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401


@pytest.fixture
def dossier(cast):  # type: ignore[no-untyped-def]
    draft = start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)
    draft.form_data = {**draft.form_data, "child_name": "Nguyễn Minh An"}
    draft.save()
    return draft


def post_files(client, dossier, cast, bad):  # type: ignore[no-untyped-def]
    birth = cast.procedure.documents.get(required=True)
    return client.post(
        url("documents", dossier),
        {f"doc-{birth.pk}": bad, "doc-other": pdf_upload("uy-quyen.pdf"), "action": "next"},
    )


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (SimpleUploadedFile("to-khai.docx", b"PK\x03\x04 word"), "Chỉ nhận tệp PDF, JPG hoặc PNG."),
        (
            SimpleUploadedFile("giay-chung-sinh.pdf", PNG_BYTES),
            "Nội dung tệp không đúng định dạng .pdf.",
        ),
    ],
    ids=["wrong-type", "lying-magic-bytes"],
)
def test_a_bad_file_is_refused_with_its_reason_and_nothing_else_is_lost(
    cast, client, dossier, bad, message: str
) -> None:
    logged_in(client, cast.applicant)
    response = post_files(client, dossier, cast, bad)
    assert response.status_code == 200
    html = page_text(response)
    assert message in html
    assert "Các tệp khác đã được lưu." in html
    names = list(dossier.attachments.values_list("original_name", flat=True))
    assert names == ["uy-quyen.pdf"]
    assert "uy-quyen.pdf" in html
    dossier.refresh_from_db()
    assert dossier.form_data["child_name"] == "Nguyễn Minh An"


def test_an_oversized_file_is_refused(cast, client, dossier, monkeypatch) -> None:
    monkeypatch.setattr("dichvucong.dossiers.uploads.MAX_FILE_BYTES", 1024)
    logged_in(client, cast.applicant)
    big = SimpleUploadedFile("giay-chung-sinh.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    response = post_files(client, dossier, cast, big)
    assert response.status_code == 200
    assert "Tệp quá lớn" in page_text(response)
    assert dossier.attachments.count() == 1


def test_the_page_states_the_limits_and_marks_required_documents(cast, client, dossier) -> None:
    logged_in(client, cast.applicant)
    html = page_text(client.get(url("documents", dossier)))
    assert "PDF, JPG, PNG; tối đa 10 MB mỗi tệp, 50 MB mỗi hồ sơ." in html
    assert 'Giấy chứng sinh</label>\n      <span class="req">(bắt buộc)</span>' in html


def test_a_good_file_is_listed_and_can_be_removed_from_a_draft(cast, client, dossier) -> None:
    logged_in(client, cast.applicant)
    birth = cast.procedure.documents.get(required=True)
    response = client.post(
        url("documents", dossier), {f"doc-{birth.pk}": pdf_upload(), "action": "upload"}
    )
    assert response.url == url("documents", dossier)
    attachment = dossier.attachments.get()
    assert attachment.kind == AttachmentKind.APPLICATION and attachment.document == birth
    html = page_text(client.get(url("documents", dossier)))
    assert "giay-chung-sinh.pdf" in html
    client.post(url("documents", dossier), {"remove": str(attachment.public_id)})
    assert not dossier.attachments.exists()
