"""Through the real pages: a hostile file sent on the documents page, with
a good file and a filled e-form, is named with its reason next to its
document; the good file is stored, the e-form untouched, the draft still a
draft. On the supplement page the note stays typed and nothing is sent."""

from __future__ import annotations

import pytest

from dichvucong.dossiers.constants import AttachmentKind, Status
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.testing import make_dossier, pdf_upload
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401
from dichvucong.dossiers.tests.hostile import CASES, refusal, shown, stored_files, upload


@pytest.fixture
def draft(cast):  # type: ignore[no-untyped-def]
    dossier = start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)
    dossier.form_data = {**dossier.form_data, "child_name": "Nguyễn Minh An"}
    dossier.save()
    return dossier


@CASES
def test_the_documents_page_names_the_refused_file_and_keeps_the_rest(
    cast, client, draft, name, data, declared
) -> None:
    birth = cast.procedure.documents.get(required=True)
    logged_in(client, cast.applicant)
    response = client.post(
        url("documents", draft),
        {
            f"doc-{birth.pk}": upload(name, data, declared),
            "doc-other": pdf_upload("uy-quyen.pdf"),
            "action": "next",
        },
    )
    assert response.status_code == 200
    html = page_text(response)
    assert shown(refusal(name, data, declared)) in html
    assert "uy-quyen.pdf" in html
    assert list(draft.attachments.values_list("original_name", flat=True)) == ["uy-quyen.pdf"]
    assert len(stored_files()) == 1
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and draft.code is None
    assert draft.form_data["child_name"] == "Nguyễn Minh An"


@CASES
def test_the_supplement_page_refuses_it_keeps_the_note_and_sends_nothing(
    cast, client, name, data, declared
) -> None:
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    logged_in(client, cast.applicant)
    response = client.post(
        url("supplement", dossier),
        {"files": [upload(name, data, declared)], "note": "Gửi bản rõ hơn", "action": "send"},
    )
    assert response.status_code == 200
    html = page_text(response)
    assert shown(refusal(name, data, declared)) in html
    assert "Gửi bản rõ hơn</textarea>" in html
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT
    assert not dossier.attachments.filter(kind=AttachmentKind.SUPPLEMENT).exists()


def test_a_name_with_a_folder_and_control_characters_arrives_neutralised(
    cast, client, draft
) -> None:
    birth = cast.procedure.documents.get(required=True)
    logged_in(client, cast.applicant)
    client.post(
        url("documents", draft),
        {f"doc-{birth.pk}": pdf_upload("../../giay\x01-chung\x7f-sinh.pdf"), "action": "upload"},
    )
    assert draft.attachments.get().original_name == "giay-chung-sinh.pdf"
