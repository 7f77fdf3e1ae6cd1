"""When the office asks for a supplement the applicant sees what is
missing, uploads it and sends it: back to reception if reception asked,
back to processing with the deadline counted again if processing asked."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import AttachmentKind, Status
from dichvucong.dossiers.testing import PNG_BYTES, make_dossier, pdf_upload
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def test_the_request_shows_the_missing_documents_and_an_upload_form(cast, client) -> None:
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    logged_in(client, cast.applicant)
    html = page_text(client.get(url("detail", dossier)))
    assert "Cơ quan yêu cầu bổ sung hồ sơ" in html
    assert "Giấy chứng sinh bản rõ nét" in html
    assert url("supplement", dossier) in html
    assert "Gửi bổ sung" in html


def test_a_supplement_asked_at_reception_returns_the_dossier_to_reception(cast, client) -> None:
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    logged_in(client, cast.applicant)
    response = client.post(
        url("supplement", dossier),
        {"files": pdf_upload("giay-chung-sinh-ro.pdf"), "note": "Bản rõ hơn", "action": "send"},
        follow=True,
    )
    assert "Đã gửi hồ sơ bổ sung." in page_text(response)
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    added = dossier.attachments.get(kind=AttachmentKind.SUPPLEMENT)
    assert added.original_name == "giay-chung-sinh-ro.pdf"
    assert dossier.due_date is None


def test_a_supplement_asked_in_processing_restarts_the_deadline(cast, client) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=HANOI), tick=False):
        dossier = make_dossier(cast, Status.PROCESSING)
        assert dossier.due_date == date(2026, 3, 5)
    with time_machine.travel(datetime(2026, 3, 3, 9, 0, tzinfo=HANOI), tick=False):
        lifecycle.request_supplement(dossier, cast.specialist_a, ["Sổ hộ khẩu"])
    with time_machine.travel(datetime(2026, 3, 9, 10, 0, tzinfo=HANOI), tick=False):
        logged_in(client, cast.applicant)
        client.post(url("supplement", dossier), {"files": pdf_upload(), "action": "send"})
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert dossier.received_at == datetime(2026, 3, 9, 10, 0, tzinfo=HANOI)
    assert dossier.due_date == date(2026, 3, 12)


def test_sending_without_a_file_is_refused_with_a_message(cast, client) -> None:
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    logged_in(client, cast.applicant)
    response = client.post(url("supplement", dossier), {"action": "send"}, follow=True)
    assert "Vui lòng tải lên giấy tờ bổ sung trước khi gửi." in page_text(response)
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT


def test_a_bad_supplement_file_is_refused_and_the_note_kept(cast, client) -> None:
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    logged_in(client, cast.applicant)
    response = client.post(
        url("supplement", dossier),
        {
            "files": [SimpleUploadedFile("anh.pdf", PNG_BYTES), pdf_upload("tot.pdf")],
            "note": "Gửi kèm bản rõ",
            "action": "send",
        },
    )
    assert response.status_code == 200
    html = page_text(response)
    assert "anh.pdf: Nội dung tệp không đúng định dạng .pdf." in html
    assert "Gửi kèm bản rõ</textarea>" in html
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT
    assert list(
        dossier.attachments.filter(kind=AttachmentKind.SUPPLEMENT).values_list(
            "original_name", flat=True
        )
    ) == ["tot.pdf"]


def test_no_supplement_can_be_uploaded_when_none_was_asked_for(cast, client) -> None:
    dossier = make_dossier(cast, Status.ACCEPTED)
    logged_in(client, cast.applicant)
    response = client.post(
        url("supplement", dossier), {"files": pdf_upload(), "action": "send"}, follow=True
    )
    assert "Không thực hiện được" in page_text(response)
    assert not dossier.attachments.filter(kind=AttachmentKind.SUPPLEMENT).exists()
