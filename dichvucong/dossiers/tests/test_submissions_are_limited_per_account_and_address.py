"""How many dossiers an account, and an address, may submit an hour (web
and API): past the limit, a 429 that says when, and the draft kept."""

from __future__ import annotations

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_draft


def _submit_on_the_web(client, draft, address="198.51.100.7"):  # type: ignore[no-untyped-def]
    return client.post(f"/ho-so/{draft.public_id}/kiem-tra/", REMOTE_ADDR=address)


def test_the_account_limit_refuses_with_429_and_keeps_the_draft(client, cast, settings):
    settings.SUBMISSIONS_PER_ACCOUNT = 2
    client.force_login(cast.applicant)
    for _ in range(2):
        assert _submit_on_the_web(client, make_draft(cast)).status_code == 302
    draft = make_draft(cast)
    refused = _submit_on_the_web(client, draft)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Vui lòng thử lại sau" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and draft.attachments.count() == 1


def test_submitting_the_same_dossier_again_costs_nothing(client, cast, settings):
    settings.SUBMISSIONS_PER_ACCOUNT = 1
    client.force_login(cast.applicant)
    draft = make_draft(cast)
    for _ in range(3):
        assert _submit_on_the_web(client, draft).status_code == 302


def test_the_address_limit_counts_every_account(client, cast, settings):
    settings.SUBMISSIONS_PER_ADDRESS = 1
    client.force_login(cast.applicant)
    assert _submit_on_the_web(client, make_draft(cast)).status_code == 302
    client.force_login(cast.other_applicant)
    other = make_draft(cast, applicant=cast.other_applicant)
    assert _submit_on_the_web(client, other).status_code == 429
    assert _submit_on_the_web(client, other, address="192.0.2.8").status_code == 302


def test_the_api_answers_429_in_its_error_shape(client, cast, settings):
    settings.SUBMISSIONS_PER_ACCOUNT = 1
    client.force_login(cast.applicant)
    first, second = make_draft(cast), make_draft(cast)
    url = "/api/v1/applicant/dossiers/{}/submit"
    assert client.post(url.format(first.public_id)).status_code == 200
    refused = client.post(url.format(second.public_id))
    assert refused.status_code == 429
    assert refused.json()["code"] == "too_many_requests"
    assert refused["Retry-After"]
