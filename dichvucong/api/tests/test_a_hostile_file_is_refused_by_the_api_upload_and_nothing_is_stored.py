"""The API's upload endpoint refuses each file of the hostile corpus with
422 `upload_refused`, the message naming the file and the reason; nothing
is stored, and the draft's other files and form data stay as they were."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API, assert_error
from dichvucong.dossiers.testing import Cast, make_draft
from dichvucong.dossiers.tests.helpers import tmp_media  # noqa: F401
from dichvucong.dossiers.tests.hostile import CASES, refusal, stored_files, upload


@CASES
def test_the_api_refuses_each_hostile_file(client: Client, cast: Cast, name, data, declared):
    draft = make_draft(cast)  # the form filled in and one good file stored
    before = dict(draft.form_data)
    client.force_login(cast.applicant)
    response = client.post(
        f"{API}/applicant/dossiers/{draft.public_id}/attachments",
        {"file": upload(name, data, declared)},
    )
    body = assert_error(response, 422, "upload_refused", field="file")
    assert body["message"] == refusal(name, data, declared)
    assert list(draft.attachments.values_list("original_name", flat=True)) == [
        "giay-chung-sinh.pdf"
    ]
    assert len(stored_files()) == 1
    draft.refresh_from_db()
    assert draft.form_data == before
