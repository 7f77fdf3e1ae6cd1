"""Submitting twice (double click, back and resubmit) still makes one
dossier with one code."""

from __future__ import annotations

from dichvucong.dossiers import submission
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import DailySequence, Dossier
from dichvucong.dossiers.testing import make_draft
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401


def test_posting_the_check_page_twice_gives_one_code(cast, client) -> None:
    dossier = make_draft(cast)
    logged_in(client, cast.applicant)
    first = client.post(url("review", dossier))
    dossier.refresh_from_db()
    code = dossier.code
    assert dossier.status == Status.SUBMITTED and code
    assert first.url == url("detail", dossier)
    detail = client.get(first.url)
    assert f"Mã hồ sơ của bạn là {code}" in page_text(detail)

    second = client.post(url("review", dossier))
    assert second.url == url("detail", dossier)
    dossier.refresh_from_db()
    assert dossier.code == code
    assert Dossier.objects.count() == 1
    assert dossier.events.filter(to_status=Status.SUBMITTED).count() == 1
    assert DailySequence.objects.get().last == 1


def test_going_back_to_the_check_page_after_submitting_shows_the_dossier(cast, client) -> None:
    dossier = make_draft(cast)
    logged_in(client, cast.applicant)
    client.post(url("review", dossier))
    assert client.get(url("review", dossier)).url == url("detail", dossier)
    assert client.get(url("step", dossier, 1)).url == url("detail", dossier)
    assert client.get(url("documents", dossier)).url == url("detail", dossier)


def test_submit_dossier_itself_is_idempotent(cast) -> None:
    dossier = make_draft(cast)
    first = submission.submit_dossier(dossier, cast.applicant)
    again = submission.submit_dossier(Dossier.objects.get(pk=dossier.pk), cast.applicant)
    assert first.code == again.code
    assert again.event_count == 1


def test_a_submitted_dossier_cannot_be_edited_through_save_step(cast) -> None:
    dossier = make_draft(cast)
    submission.submit_dossier(dossier, cast.applicant)
    try:
        submission.save_step(dossier, cast.applicant, 1, {"child_name": "Khác"})
    except submission.TransitionError as error:
        assert "Hồ sơ đã nộp" in str(error)
    else:
        raise AssertionError("a submitted dossier was edited")
    dossier.refresh_from_db()
    assert dossier.form_data["child_name"] == "Nguyễn Minh An"
