"""An attachment is checked by dossiers.uploads like a web upload: a file
whose content is not what its name says is refused (422
`upload_refused`); a good one is stored and listed."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dichvucong.api.tests.helpers import API, assert_error
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import PNG_BYTES, Cast, make_draft


def _draft_without_files(cast: Cast) -> Dossier:
    draft = make_draft(cast)
    draft.attachments.all().delete()
    return draft


def test_a_file_that_lies_about_its_type_is_refused(client: Client, cast: Cast) -> None:
    draft = _draft_without_files(cast)
    client.force_login(cast.applicant)
    fake = SimpleUploadedFile("giay.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        f"{API}/applicant/dossiers/{draft.public_id}/attachments", {"file": fake}
    )
    body = assert_error(response, 422, "upload_refused", field="file")
    assert body["message"] == "giay.pdf: Nội dung tệp không đúng định dạng .pdf."
    assert not draft.attachments.exists()


def test_a_good_file_is_stored_for_its_document(client: Client, cast: Cast) -> None:
    draft = _draft_without_files(cast)
    document = cast.procedure.documents.get(required=True)
    client.force_login(cast.applicant)
    png = SimpleUploadedFile("anh.png", PNG_BYTES, content_type="image/png")
    response = client.post(
        f"{API}/applicant/dossiers/{draft.public_id}/attachments",
        {"file": png, "document": document.pk},
    )
    assert response.status_code == 201
    [listed] = response.json()
    assert (listed["name"], listed["content_type"], listed["document"]) == (
        "anh.png",
        "image/png",
        document.pk,
    )


def test_a_document_of_another_procedure_is_refused(client: Client, cast: Cast) -> None:
    draft = _draft_without_files(cast)
    client.force_login(cast.applicant)
    png = SimpleUploadedFile("anh.png", PNG_BYTES, content_type="image/png")
    response = client.post(
        f"{API}/applicant/dossiers/{draft.public_id}/attachments", {"file": png, "document": 999999}
    )
    assert_error(response, 422, "invalid", field="document")


def test_the_file_is_required(client: Client, cast: Cast) -> None:
    draft = _draft_without_files(cast)
    client.force_login(cast.applicant)
    response = client.post(f"{API}/applicant/dossiers/{draft.public_id}/attachments", {})
    assert_error(response, 422, "invalid", field="file")
