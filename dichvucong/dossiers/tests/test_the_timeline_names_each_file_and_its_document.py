"""Upload and supplement events say which file and which document: the
applicant's timeline and the back office's both read e.g. "Giấy chứng
sinh (tệp scan.pdf)", not a bare "a file was added"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle, submission
from dichvucong.dossiers.testing import make_dossier, pdf_upload
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def supplied(cast):  # type: ignore[no-untyped-def]
    dossier = make_dossier(cast)
    lifecycle.request_supplement(dossier, cast.receptionist_a, ["Giấy chứng sinh"])
    refused = submission.add_supplement_files(
        dossier, cast.applicant, [("Giấy chứng sinh", pdf_upload("scan.pdf"))]
    )
    assert refused == {}
    return dossier


def test_the_event_records_the_document_name(supplied):
    event = supplied.events.order_by("-seq").first()
    assert event.data["added"] == "scan.pdf"
    assert event.data["document"] == "Giấy chứng sinh"


def test_the_applicant_timeline_names_the_document_and_the_file(cast, client, supplied):
    logged_in(client, cast.applicant)
    html = page_text(client.get(url("detail", supplied)))
    assert "Đã tải lên tệp bổ sung: Giấy chứng sinh (tệp scan.pdf)." in html


def test_the_back_office_timeline_names_the_file_and_the_document(cast, client, supplied):
    login_verified(client, cast.receptionist_a)
    html = page_text(client.get(reverse("backoffice:detail", args=[supplied.public_id])))
    assert "Tệp: scan.pdf – Giấy chứng sinh" in html
