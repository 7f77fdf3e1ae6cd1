"""Steps the national e-ID tests share: the stand-in provider started on
127.0.0.1 and the settings pointed at it, and one log-in walked through
with Django's test client on our side and real HTTP to the provider."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from django.test import Client
from django.urls import reverse

from dichvucong.accounts.vneid.standin import Person, StandIn

CLIENT_ID = "dichvucong-test"
CLIENT_SECRET = "test-secret-of-the-client"
CALLBACK = reverse("accounts:vneid_callback")
# The account tests' citizen (conftest.CITIZEN_ID) and a new person.
KNOWN = Person(
    "an",
    {
        "sub": "vneid-sub-an",
        "name": "Nguyễn Văn An",
        "birthdate": "1985-03-25",
        "id_number": "001085012345",
        "phone_number": "+84900000001",
        "address": {"street_address": "Số 3, ngõ 7", "locality": "Nhân Chính"},
    },
)
NEW = Person(
    "lan",
    {
        "sub": "vneid-sub-lan",
        "name": "Trần Thị Lan",
        "birthdate": "1994-11-02",
        "id_number": "001194023456",
        "phone_number": "+84987001122",
        "address": {"street_address": "Số 8, ngõ 12", "locality": "Khương Trung"},
    },
)


def start_provider(settings: Any, base_url: str) -> StandIn:
    provider = StandIn(CLIENT_ID, CLIENT_SECRET, [base_url + CALLBACK], people=(KNOWN, NEW)).start()
    settings.VNEID_ISSUER = provider.issuer
    settings.VNEID_CLIENT_ID = CLIENT_ID
    settings.VNEID_CLIENT_SECRET = CLIENT_SECRET
    return provider


def query(url: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def to_provider(client: Client) -> dict[str, str]:
    """Press the button: the authorization request's parameters."""
    response = client.get(reverse("accounts:vneid_start"))
    assert response.status_code == 302
    return query(response["Location"])


def choose(provider: StandIn, params: dict[str, str], person: Person) -> str:
    """The person logs in at the provider: the address it sends them back to."""
    form = {**params, "person": person.key, "decision": "allow"}
    answer = requests.post(f"{provider.issuer}/authorize", data=form, allow_redirects=False)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def return_path(location: str) -> str:
    parts = urlsplit(location)
    return f"{parts.path}?{parts.query}"


def log_in(client: Client, provider: StandIn, person: Person) -> Any:
    """The whole round trip; our answer to the return from the provider."""
    back = choose(provider, to_provider(client), person)
    return client.get(return_path(back))
