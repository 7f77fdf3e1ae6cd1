"""A file goes out only to its dossier's applicant and to staff whose
agency handles the dossier; everyone else gets 404."""

from __future__ import annotations

import uuid

import pytest

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import PDF_BYTES, make_dossier, make_draft
from dichvucong.dossiers.tests.helpers import logged_in, tmp_media  # noqa: F401


def file_url(attachment) -> str:  # type: ignore[no-untyped-def]
    return f"/ho-so/tep/{attachment.public_id}/"


@pytest.mark.parametrize("who", ["applicant", "receptionist_a", "specialist_a", "leader_a"])
def test_the_applicant_and_own_ward_staff_download_the_file(cast, client, who: str) -> None:
    attachment = make_dossier(cast, Status.SUBMITTED).attachments.get()
    logged_in(client, getattr(cast, who))
    response = client.get(file_url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"] == 'attachment; filename="giay-chung-sinh.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", ["other_applicant", "receptionist_b", "leader_b"])
def test_others_get_not_found(cast, client, who: str) -> None:
    attachment = make_dossier(cast, Status.SUBMITTED).attachments.get()
    logged_in(client, getattr(cast, who))
    assert client.get(file_url(attachment)).status_code == 404


def test_staff_do_not_see_a_drafts_files(cast, client) -> None:
    attachment = make_draft(cast).attachments.get()
    logged_in(client, cast.receptionist_a)
    assert client.get(file_url(attachment)).status_code == 404
    logged_in(client, cast.applicant)
    assert client.get(file_url(attachment)).status_code == 200


def test_an_anonymous_visitor_is_asked_to_log_in(cast, client) -> None:
    attachment = make_dossier(cast, Status.SUBMITTED).attachments.get()
    response = client.get(file_url(attachment))
    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response.url


def test_an_unknown_file_is_not_found(cast, client) -> None:
    logged_in(client, cast.applicant)
    assert client.get(f"/ho-so/tep/{uuid.uuid4()}/").status_code == 404
