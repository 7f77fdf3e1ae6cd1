"""What lifecycle refuses (wrong status, wrong role, rules) answers 409
with the rule's own machine code (dossiers.constants.Refusal) and
lifecycle's Vietnamese message, and the dossier is unchanged."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import Keys, assert_error, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_dossier


def test_a_wrong_role_is_refused_by_lifecycle(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    response = send(
        client, "POST", f"/staff/dossiers/{dossier.public_id}/accept", {}, **keys.leader_a.headers
    )
    body = assert_error(response, 409, "not_permitted")
    assert body["message"] == "Bạn không có quyền thực hiện thao tác này với hồ sơ."
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_a_wrong_status_is_refused_by_lifecycle(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.RETURNED)
    response = send(
        client,
        "POST",
        f"/staff/dossiers/{dossier.public_id}/accept",
        {},
        **keys.receptionist_a.headers,
    )
    body = assert_error(response, 409, "wrong_status")
    assert body["message"] == "Không thực hiện được: hồ sơ đang ở trạng thái “Đã trả kết quả”."


def test_approving_what_was_not_forwarded_is_refused(
    client: Client, keys: Keys, cast: Cast
) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    response = send(
        client, "POST", f"/staff/dossiers/{dossier.public_id}/approve", **keys.leader_a.headers
    )
    body = assert_error(response, 409, "not_forwarded")
    assert body["message"] == "Chuyên viên chưa trình hồ sơ để phê duyệt."


def test_withdrawing_a_returned_dossier_is_refused(client: Client, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.RETURNED)
    client.force_login(cast.applicant)
    response = send(client, "POST", f"/applicant/dossiers/{dossier.public_id}/withdraw", {})
    assert_error(response, 409, "wrong_status")
