"""A method an address does not take answers 405 with its Allow header,
in the API's error shape."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API, assert_error


def test_delete_on_the_catalogue_is_405_with_allow(client: Client, db: None) -> None:
    response = client.delete(f"{API}/catalogue/procedures")
    assert_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"
