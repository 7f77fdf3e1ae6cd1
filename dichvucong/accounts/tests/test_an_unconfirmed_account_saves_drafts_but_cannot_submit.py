"""Before its phone is confirmed an account prepares drafts but submits
nothing, on the web and through the API (403 `assurance_too_low`); the
message says how to confirm, and the draft is kept. Once confirmed, the
same draft goes in."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.tests.identity_steps import draft_at_level, set_level
from dichvucong.api.tests.helpers import assert_error, at, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_cast

HOW_TO_CONFIRM = "bấm “Xác nhận số điện thoại”"


@pytest.fixture
def cast(db):
    return make_cast()


def review_url(draft) -> str:  # type: ignore[no-untyped-def]
    return reverse("dossiers:review", args=[draft.public_id])


def test_the_web_refuses_and_says_how_to_confirm(client, cast):
    draft = draft_at_level(cast, AssuranceLevel.SELF_DECLARED)
    client.force_login(cast.applicant)
    with time_machine.travel(at(2026, 12, 1), tick=False):
        response = client.post(review_url(draft), follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "chưa xác nhận số điện thoại nên chưa nộp được hồ sơ" in page
    assert HOW_TO_CONFIRM in page
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and draft.code is None


def test_the_api_answers_403_assurance_too_low(client, cast):
    draft = draft_at_level(cast, AssuranceLevel.SELF_DECLARED)
    client.force_login(cast.applicant)
    with time_machine.travel(at(2026, 12, 1), tick=False):
        response = send(client, "POST", f"/applicant/dossiers/{draft.public_id}/submit")
    body = assert_error(response, 403, "assurance_too_low")
    assert HOW_TO_CONFIRM in body["message"]
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    me = send(client, "GET", "/applicant/me").json()
    assert me["assurance"] == AssuranceLevel.SELF_DECLARED


def test_the_unconfirmed_account_still_starts_and_saves_drafts(client, cast):
    set_level(cast.applicant, AssuranceLevel.SELF_DECLARED)
    client.force_login(cast.applicant)
    response = send(client, "POST", "/applicant/dossiers", {"procedure": cast.procedure.code})
    assert response.status_code == 201, response.content


def test_once_confirmed_the_same_draft_is_submitted(client, cast):
    draft = draft_at_level(cast, AssuranceLevel.SELF_DECLARED)
    client.force_login(cast.applicant)
    with time_machine.travel(at(2026, 12, 1), tick=False):
        send(client, "POST", f"/applicant/dossiers/{draft.public_id}/submit")
        set_level(cast.applicant, AssuranceLevel.PHONE_CONFIRMED)
        response = send(client, "POST", f"/applicant/dossiers/{draft.public_id}/submit")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == Status.SUBMITTED


def test_the_review_page_says_so_before_the_button_is_pressed(client, cast):
    draft = draft_at_level(cast, AssuranceLevel.SELF_DECLARED)
    client.force_login(cast.applicant)
    page = client.get(review_url(draft)).content.decode()
    assert "Tài khoản chưa đủ mức xác thực để nộp" in page
    assert reverse("accounts:confirm_phone") in page
    set_level(cast.applicant, AssuranceLevel.PHONE_CONFIRMED)
    assert (
        "Tài khoản chưa đủ mức xác thực để nộp"
        not in client.get(review_url(draft)).content.decode()
    )
