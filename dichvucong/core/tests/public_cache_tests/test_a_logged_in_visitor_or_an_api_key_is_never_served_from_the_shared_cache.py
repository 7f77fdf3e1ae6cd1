"""A logged-in visitor (whose page shows their name and a log-out form with
a CSRF token) or a client with an API key never gets the shared copy nor a
304 for it: their answers are built for them and private."""

from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.api.tests.helpers import make_key

PATH = "/thu-tuc/"


def test_a_logged_in_visitor_is_never_served_from_the_shared_cache(client, cast) -> None:
    etag = client.get(PATH)["ETag"]
    login_verified(client, cast.applicant)
    page = client.get(PATH, headers={"If-None-Match": etag})
    assert page.status_code == 200
    assert cast.applicant.get_full_name() in page.content.decode()
    assert "csrfmiddlewaretoken" in page.content.decode()
    assert "ETag" not in page and "no-store" in page["Cache-Control"]
    client.logout()
    again = client.get(PATH)
    assert cast.applicant.get_full_name() not in again.content.decode()
    assert "csrfmiddlewaretoken" not in again.content.decode()


def test_a_client_with_an_api_key_is_never_served_from_the_shared_cache(client, cast) -> None:
    path = "/api/v1/catalogue/procedures"
    etag = client.get(path)["ETag"]
    key = make_key(cast.agency_a, "read")
    answer = client.get(path, headers={"If-None-Match": etag}, **key.headers)
    assert answer.status_code == 200
    assert "ETag" not in answer and "no-store" in answer["Cache-Control"]


def test_each_language_has_its_own_copy(client, cast) -> None:
    vietnamese = client.get("/", headers={"Accept-Language": "vi"})
    english = client.get("/", headers={"Accept-Language": "en"})
    assert vietnamese["ETag"] != english["ETag"]
    assert vietnamese["Content-Language"] == "vi" and english["Content-Language"] == "en"
    assert "Accept-Language" in english["Vary"] and "Cookie" in english["Vary"]
