"""A draft without a file for each required document cannot be submitted."""

from __future__ import annotations

from dichvucong.dossiers import submission
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, make_draft
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401


def _draft_without_files(cast) -> Dossier:  # type: ignore[no-untyped-def]
    dossier = make_draft(cast)
    dossier.attachments.all().delete()
    return dossier


def test_the_problem_names_the_missing_document(cast) -> None:
    dossier = _draft_without_files(cast)
    assert submission.submission_problems(dossier) == [
        "Chưa tải lên giấy tờ bắt buộc: Giấy chứng sinh."
    ]


def test_submitting_shows_the_problem_and_keeps_the_draft(cast, client) -> None:
    dossier = _draft_without_files(cast)
    logged_in(client, cast.applicant)
    review = page_text(client.get(url("review", dossier)))
    assert "Chưa tải lên giấy tờ bắt buộc: Giấy chứng sinh." in review
    assert "Nộp hồ sơ</button>" not in review
    response = client.post(url("review", dossier))
    assert response.status_code == 200
    assert "Chưa tải lên giấy tờ bắt buộc: Giấy chứng sinh." in page_text(response)
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT and dossier.code is None
    assert dossier.form_data == BIRTH_FORM_DATA


def test_an_optional_document_is_not_needed(cast) -> None:
    dossier = make_draft(cast)
    assert submission.submission_problems(dossier) == []
