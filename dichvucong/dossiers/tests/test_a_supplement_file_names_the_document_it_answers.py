"""Staff ask for documents by name; each file the applicant uploads in
answer is tied to the document it answers and shown with its name, to the
applicant and to the back office."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import AttachmentKind
from dichvucong.dossiers.testing import make_dossier, pdf_upload
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401

pytestmark = pytest.mark.django_db
ASKED = ["Giấy chứng sinh", "Tờ khai có chữ ký của người đi khai"]


@pytest.fixture
def answered(cast, client):  # type: ignore[no-untyped-def]
    dossier = make_dossier(cast)
    lifecycle.request_supplement(dossier, cast.receptionist_a, ASKED)
    logged_in(client, cast.applicant)
    response = client.post(
        url("supplement", dossier),
        {
            "action": "upload",
            "files-0": pdf_upload("scan-chung-sinh.pdf"),
            "files-1": pdf_upload("to-khai.pdf"),
            "files": pdf_upload("them.pdf"),
        },
    )
    assert response.status_code == 302
    return dossier


def test_each_file_keeps_the_document_it_answers(cast, answered):
    files = {
        a.original_name: a for a in answered.attachments.filter(kind=AttachmentKind.SUPPLEMENT)
    }
    assert files["scan-chung-sinh.pdf"].requested == "Giấy chứng sinh"
    assert files["scan-chung-sinh.pdf"].document.name == "Giấy chứng sinh"
    assert files["to-khai.pdf"].requested == ASKED[1]
    assert files["to-khai.pdf"].document is None
    assert files["them.pdf"].requested == ""


def test_the_applicant_page_has_a_box_per_document_and_names_each_file(cast, client, answered):
    html = page_text(client.get(url("detail", answered)))
    assert "Tệp cho: Giấy chứng sinh" in html
    assert 'name="files-1"' in html
    assert "Giấy chứng sinh: <a" in html
    assert f"{ASKED[1]}: <a" in html


def test_the_back_office_names_the_document_beside_the_file(cast, client, answered):
    login_verified(client, cast.receptionist_a)
    html = page_text(client.get(f"/mot-cua/ho-so/{answered.public_id}/"))
    assert f"bổ sung cho: {ASKED[1]}" in html
