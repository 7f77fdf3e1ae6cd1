"""An id that does not exist, or that the caller may not see, and a path
the API does not have, all answer 404 `not_found` in the one shape."""

from __future__ import annotations

import uuid

from django.test import Client

from dichvucong.api.tests.helpers import API, Keys, assert_error
from dichvucong.dossiers.testing import Cast, make_draft


def test_an_unknown_procedure_code_is_404(client: Client, cast: Cast) -> None:
    assert_error(client.get(f"{API}/catalogue/procedures/9.999999"), 404, "not_found")


def test_an_unknown_dossier_id_is_404_for_the_applicant(client: Client, cast: Cast) -> None:
    client.force_login(cast.applicant)
    response = client.get(f"{API}/applicant/dossiers/{uuid.uuid4()}")
    assert_error(response, 404, "not_found")


def test_another_applicants_draft_is_404(client: Client, cast: Cast) -> None:
    draft = make_draft(cast, applicant=cast.other_applicant, agency=cast.agency_b)
    client.force_login(cast.applicant)
    assert_error(client.get(f"{API}/applicant/dossiers/{draft.public_id}"), 404, "not_found")


def test_an_unknown_dossier_id_is_404_for_a_key(client: Client, keys: Keys) -> None:
    response = client.get(f"{API}/staff/dossiers/{uuid.uuid4()}", **keys.receptionist_a.headers)
    assert_error(response, 404, "not_found")


def test_a_path_the_api_does_not_have_is_404_in_the_same_shape(client: Client, db: None) -> None:
    assert_error(client.get(f"{API}/no-such-thing"), 404, "not_found")
    assert_error(client.get(f"{API}/"), 404, "not_found")


def test_docs_page_is_not_served(client: Client, db: None) -> None:
    # The usual docs page would load Swagger UI from a CDN.
    assert_error(client.get(f"{API}/docs"), 404, "not_found")
