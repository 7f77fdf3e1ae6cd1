"""Missing fields, wrong types and out-of-range values answer 422
`invalid`, naming the field, with every problem listed in Vietnamese."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API, Keys, assert_error, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_dossier


def test_a_missing_body_field_is_named(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    response = send(
        client,
        "POST",
        f"/staff/dossiers/{dossier.public_id}/refuse",
        {},
        **keys.receptionist_a.headers,
    )
    body = assert_error(response, 422, "invalid", field="reason")
    assert body["errors"] == [
        {"field": "reason", "code": "missing", "message": "Thiếu thông tin bắt buộc."}
    ]


def test_a_wrong_type_is_named(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    response = send(
        client,
        "POST",
        f"/staff/dossiers/{dossier.public_id}/accept",
        {"fee_amount": "nhiều"},
        **keys.receptionist_a.headers,
    )
    body = assert_error(response, 422, "invalid", field="fee_amount")
    assert body["message"] == "Giá trị phải là số nguyên."


def test_an_item_of_a_list_is_named_with_its_index(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    response = send(
        client,
        "POST",
        f"/staff/dossiers/{dossier.public_id}/request-supplement",
        {"missing": ["Giấy chứng sinh", 7]},
        **keys.receptionist_a.headers,
    )
    assert_error(response, 422, "invalid", field="missing.1")


def test_a_bad_query_parameter_is_named(client: Client, db: None) -> None:
    response = client.get(f"{API}/catalogue/procedures", {"online_level": 9})
    body = assert_error(response, 422, "invalid", field="online_level")
    assert body["message"] == "Giá trị không được lớn hơn 4."


def test_a_malformed_id_in_the_path_is_named(client: Client, cast: Cast) -> None:
    client.force_login(cast.applicant)
    response = client.get(f"{API}/applicant/dossiers/not-a-uuid")
    assert_error(response, 422, "invalid", field="public_id")


def test_a_nul_character_is_refused_not_stored(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    response = send(
        client,
        "POST",
        f"/staff/dossiers/{dossier.public_id}/refuse",
        {"reason": "Sai\x00"},
        **keys.receptionist_a.headers,
    )
    assert_error(response, 422, "invalid", field="reason")
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_a_body_that_is_not_json_is_400(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    response = client.post(
        f"{API}/staff/dossiers/{dossier.public_id}/refuse",
        data="{lý do",
        content_type="application/json",
        **keys.receptionist_a.headers,
    )
    assert_error(response, 400, "bad_request")


def test_a_form_body_where_json_is_expected_is_400(cast: Cast) -> None:
    # With a session, the CSRF check reads a form body first; it must still
    # be a 400, not a server error.
    dossier = make_dossier(cast, Status.SUBMITTED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.applicant)
    client.get(f"{API}/applicant/me")
    token = client.cookies["csrftoken"].value
    url = f"{API}/applicant/dossiers/{dossier.public_id}/withdraw"
    for body in ({"reason": "x"}, "reason=x"):
        kind = (
            {} if isinstance(body, dict) else {"content_type": "application/x-www-form-urlencoded"}
        )
        response = client.post(url, body, HTTP_X_CSRFTOKEN=token, **kind)
        body_json = assert_error(response, 400, "bad_request")
        assert "JSON" in body_json["message"]
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
