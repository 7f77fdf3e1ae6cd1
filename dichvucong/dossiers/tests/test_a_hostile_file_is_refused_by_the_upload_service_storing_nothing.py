"""Through the service every page and the API call (submission.add_files,
uploads.add_attachment), each file of the hostile corpus is refused with
its name and reason; the good file sent with it is stored, the bad one
leaves no row and no file."""

from __future__ import annotations

import pytest

from dichvucong.dossiers import submission, uploads
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.testing import pdf_upload
from dichvucong.dossiers.tests.helpers import tmp_media  # noqa: F401
from dichvucong.dossiers.tests.hostile import CASES, refusal, stored_files, upload


@pytest.fixture
def draft(cast):  # type: ignore[no-untyped-def]
    return start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)


@CASES
def test_the_service_refuses_each_hostile_file_and_keeps_the_good_one(
    cast, draft, name, data, declared
) -> None:
    birth = cast.procedure.documents.get(required=True)
    refused = submission.add_files(
        draft,
        cast.applicant,
        [(birth, upload(name, data, declared)), (None, pdf_upload("tot.pdf"))],
    )
    assert refused == {str(birth.pk): [refusal(name, data, declared)]}
    assert list(draft.attachments.values_list("original_name", flat=True)) == ["tot.pdf"]
    assert len(stored_files()) == 1


@CASES
def test_add_attachment_raises_and_stores_nothing(cast, draft, name, data, declared):
    with pytest.raises(uploads.UploadError) as caught:
        uploads.add_attachment(draft, cast.applicant, upload(name, data, declared))
    assert f"{name.rsplit('/')[-1]}: {caught.value}" == refusal(name, data, declared)
    assert not draft.attachments.exists()
    assert stored_files() == []


def test_a_name_with_a_folder_and_control_characters_is_kept_neutralised(cast, draft):
    attachment = uploads.add_attachment(
        draft, cast.applicant, pdf_upload("../../..\\giay\x00-khai\x1b-sinh\u202e.pdf")
    )
    assert attachment.original_name == "giay-khai-sinh.pdf"
    assert attachment.file.name.startswith("dossiers/")
    assert ".." not in attachment.file.name and "\x00" not in attachment.file.name
