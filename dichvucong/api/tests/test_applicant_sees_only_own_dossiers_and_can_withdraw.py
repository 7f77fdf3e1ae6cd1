"""The applicant lists their own dossiers and drafts (never someone
else's, never practice runs), follows one, and withdraws it while the
rules allow."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API, assert_error, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_dossier, make_draft


def test_the_list_holds_only_my_real_dossiers(client: Client, cast: Cast) -> None:
    mine = make_dossier(cast, Status.SUBMITTED)
    draft = make_draft(cast)
    practice = make_draft(cast)
    practice.is_practice = True
    practice.save()
    make_draft(cast, applicant=cast.other_applicant, agency=cast.agency_b)
    client.force_login(cast.applicant)
    body = client.get(f"{API}/applicant/dossiers").json()
    assert {item["id"] for item in body["items"]} == {str(mine.public_id), str(draft.public_id)}
    assert_error(client.get(f"{API}/applicant/dossiers/{practice.public_id}"), 404, "not_found")


def test_a_draft_says_what_is_still_missing(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    draft.attachments.all().delete()
    client.force_login(cast.applicant)
    body = client.get(f"{API}/applicant/dossiers/{draft.public_id}").json()
    assert "Chưa tải lên giấy tờ bắt buộc: Giấy chứng sinh." in body["problems"]


def test_withdrawing_records_the_reason(client: Client, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.ACCEPTED)
    client.force_login(cast.applicant)
    response = send(
        client,
        "POST",
        f"/applicant/dossiers/{dossier.public_id}/withdraw",
        {"reason": "Nộp nhầm thủ tục"},
    )
    body = response.json()
    assert body["status"] == Status.WITHDRAWN
    assert body["timeline"][-1]["text"] == "Hồ sơ đã được rút."
    assert body["timeline"][-1]["reason"] == "Nộp nhầm thủ tục"


def test_a_draft_for_a_ward_of_my_choice(client: Client, cast: Cast) -> None:
    client.force_login(cast.applicant)
    response = send(
        client, "POST", "/applicant/dossiers", {"procedure": "1.001193", "ward": "T-KD"}
    )
    assert response.status_code == 201
    assert response.json()["agency"]["unit_code"] == "T.KD"
    unknown = send(client, "POST", "/applicant/dossiers", {"procedure": "1.001193", "ward": "X"})
    assert_error(unknown, 422, "invalid", field="ward")


def test_a_delivery_that_does_not_apply_is_named(client: Client, cast: Cast) -> None:
    client.force_login(cast.applicant)
    response = send(
        client,
        "POST",
        "/applicant/dossiers",
        {"procedure": "1.001193", "delivery": "post", "delivery_address": "12 Láng"},
    )
    body = assert_error(response, 422, "invalid", field="delivery")
    assert body["message"] == "Hình thức nhận kết quả này không áp dụng cho thủ tục."
