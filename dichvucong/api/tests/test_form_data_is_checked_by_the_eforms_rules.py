"""PUT form data is judged by the web's step forms: every error comes back
by field name, nothing is saved unless all of it is valid, and fields not
sent keep their stored values."""

from __future__ import annotations

import time_machine
from django.test import Client

from dichvucong.api.tests.helpers import assert_error, at, send
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_draft


def _put(client: Client, dossier: Dossier, data: dict[str, object]):  # type: ignore[no-untyped-def]
    return send(client, "PUT", f"/applicant/dossiers/{dossier.public_id}/form", {"data": data})


def test_errors_come_back_per_field_and_nothing_is_saved(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    with time_machine.travel(at(2026, 12, 1), tick=False):
        client.force_login(cast.applicant)
        response = _put(
            client,
            draft,
            {"child_name": "Bé Na", "birth_date": "2027-01-01", "sex": "Khác", "copies": 99},
        )
    body = assert_error(response, 422, "invalid", field="birth_date")
    assert {(e["field"], e["message"]) for e in body["errors"]} == {
        ("birth_date", "Ngày không được sau hôm nay."),
        ("sex", "Mục đã chọn không có trong danh sách. Chọn lại một mục trong danh sách."),
        ("copies", "Nhập số không quá 10."),
    }
    draft.refresh_from_db()
    assert draft.form_data["child_name"] == "Nguyễn Minh An"


def test_valid_values_are_saved_and_others_kept(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    client.force_login(cast.applicant)
    response = _put(client, draft, {"child_name": "Nguyễn Bảo Na", "birth_date": "2026-11-01"})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.form_data["child_name"] == "Nguyễn Bảo Na"
    assert draft.form_data["birth_date"] == "2026-11-01"
    assert draft.form_data["declarant_phone"] == "0912345678"


def test_an_unknown_field_or_a_wrong_json_type_is_named(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    client.force_login(cast.applicant)
    body = assert_error(
        _put(client, draft, {"child_nam": "Na", "copies": [1]}), 422, "invalid", field="child_nam"
    )
    assert [(e["field"], e["code"]) for e in body["errors"]] == [
        ("child_nam", "unknown_field"),
        ("copies", "wrong_type"),
    ]


def test_a_submitted_dossiers_form_cannot_be_changed(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    draft.status = 1
    draft.save()
    client.force_login(cast.applicant)
    body = assert_error(_put(client, draft, {"child_name": "Na"}), 409, "already_submitted")
    assert body["message"] == "Hồ sơ đã nộp, không sửa nội dung ở đây được nữa."


def test_a_deeply_nested_value_is_refused_not_walked(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    client.force_login(cast.applicant)
    nested = "[" * 900 + "]" * 900
    body = '{"data": {"child_name": ' + nested + "}}"
    response = client.put(
        f"/api/v1/applicant/dossiers/{draft.public_id}/form", body, content_type="application/json"
    )
    # Refused before parsing, whatever the depth of the server's own stack.
    assert_error(response, 422, "too_deep")
