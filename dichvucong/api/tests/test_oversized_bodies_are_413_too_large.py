"""A body over the API's limit is refused from its Content-Length, before
it is read: 413 `too_large`. Files have a larger limit than JSON."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.constants import MAX_JSON_BODY_BYTES, MAX_MULTIPART_BODY_BYTES
from dichvucong.api.tests.helpers import API, Keys, assert_error, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_dossier, make_draft, pdf_upload


def test_a_json_body_over_the_limit_is_413(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    reason = "x" * (MAX_JSON_BODY_BYTES + 1)
    response = send(
        client,
        "POST",
        f"/staff/dossiers/{dossier.public_id}/refuse",
        {"reason": reason},
        **keys.receptionist_a.headers,
    )
    assert_error(response, 413, "too_large")
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_even_an_anonymous_oversized_body_is_413(client: Client, db: None) -> None:
    response = client.generic(
        "POST",
        f"{API}/applicant/dossiers",
        b"x" * (MAX_JSON_BODY_BYTES + 1),
        content_type="application/json",
    )
    assert_error(response, 413, "too_large")


def test_a_file_over_the_limit_is_413(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    client.force_login(cast.applicant)
    big = pdf_upload(content=b"%PDF-" + b"0" * MAX_MULTIPART_BODY_BYTES)
    response = client.post(f"{API}/applicant/dossiers/{draft.public_id}/attachments", {"file": big})
    assert_error(response, 413, "too_large")
    assert draft.attachments.count() == 1
