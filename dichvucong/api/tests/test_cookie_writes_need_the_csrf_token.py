"""A write authenticated by the session cookie must carry the CSRF token,
as a web form does; reads need none, and key calls carry no cookie."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API, assert_error, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast


def test_a_write_without_the_token_is_403_and_creates_nothing(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.applicant)
    response = send(client, "POST", "/applicant/dossiers", {"procedure": "1.001193"})
    assert_error(response, 403, "csrf_failed")
    assert not Dossier.objects.exists()


def test_a_write_with_the_token_goes_through(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.applicant)
    client.get(f"{API}/applicant/me")  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    response = send(
        client, "POST", "/applicant/dossiers", {"procedure": "1.001193"}, HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201
    assert Dossier.objects.get().status == Status.DRAFT


def test_reads_need_no_token(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.applicant)
    assert client.get(f"{API}/applicant/dossiers").status_code == 200
