"""Submitting twice makes one dossier with one code; an incomplete draft
is refused with 422 `incomplete`, listing what is missing."""

from __future__ import annotations

import time_machine
from django.test import Client

from dichvucong.api.tests.helpers import assert_error, at, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_draft


def test_submitting_twice_gives_one_code(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    url = f"/applicant/dossiers/{draft.public_id}/submit"
    with time_machine.travel(at(2026, 12, 1), tick=False):
        client.force_login(cast.applicant)
        first = send(client, "POST", url).json()
        second = send(client, "POST", url).json()
    assert first["status"] == second["status"] == Status.SUBMITTED
    assert first["code"] == second["code"]
    assert draft.events.count() == 1


def test_an_incomplete_draft_is_refused_with_its_problems(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    draft.attachments.all().delete()
    with time_machine.travel(at(2026, 12, 1), tick=False):
        client.force_login(cast.applicant)
        response = send(client, "POST", f"/applicant/dossiers/{draft.public_id}/submit")
    body = assert_error(response, 422, "incomplete")
    assert body["message"] == "Chưa tải lên giấy tờ bắt buộc: Giấy chứng sinh."
    assert [e["code"] for e in body["errors"]] == ["incomplete"]
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and draft.code is None
