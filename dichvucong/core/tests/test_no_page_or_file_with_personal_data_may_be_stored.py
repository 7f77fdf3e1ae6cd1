"""`Cache-Control: no-store` on every page and file with personal data,
tried across the whole URL map: every response to a logged-in user or to
an API key is private and never stored; an anonymous visitor's may be
stored only for the public pages listed in core/caching.py (catalogue,
public statistics, open data, published answers, the public API), and a
new URL is private until someone lists it there."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from dichvucong.accounts.testing import login_verified
from dichvucong.core.caching import PUBLIC_VIEWS
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_cast, make_dossier

PRIVATE = ("private", "no-store")
# The public pages an anonymous visitor may keep: exactly core/caching.py's.
EXPECTED_PUBLIC = {
    "core:home", "catalogue:list", "catalogue:detail", "catalogue:document_template",
    "reports:public", "reports:open_data_csv", "reports:open_data_json",
    "feedback:public_list", "api-v1:api-root", "api-v1:openapi-json",
    "api-v1:list_procedures", "api-v1:get_procedure", "api-v1:public_table",
    "api-v1:public_indicators",
}


def walk(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """(a path to try, the view's name) for every URL pattern."""
    for pattern in patterns:
        part = prefix + sample(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, part, inner)
        elif isinstance(pattern, URLPattern):
            yield "/" + part, f"{namespace}{pattern.name}"


SAMPLES: dict[str, str] = {}  # filled per test from the cast: a real dossier and procedure
BY_CONVERTER = {"IntConverter": "1", "UUIDConverter": str(uuid.uuid4()), "StringConverter": "x",
                "SlugConverter": "x", "PathConverter": "x", "SlipNumber": "01"}


def sample(pattern) -> str:  # type: ignore[no-untyped-def]
    if isinstance(pattern, RegexPattern):
        # Named groups: their first alternative (an app label), or "x".
        text = re.sub(r"\(\?P<\w+>([^)]*)\)",
                      lambda m: "x" if m.group(1) == ".*" else m.group(1).split("|")[0],
                      pattern._regex)
        return text.replace(".*", "x").strip("^$")
    route = str(pattern)
    for name, converter in pattern.converters.items():
        kind = type(converter).__name__
        value = SAMPLES.get(name) if kind in ("UUIDConverter", "StringConverter") else None
        if value is None:
            assert kind in BY_CONVERTER, f"add a sample for the URL converter {kind}"
            value = BY_CONVERTER[kind]
        route = re.sub(rf"<(\w+:)?{name}>", value, route)
    return route


def responses(client: Client, cast: Cast, **headers: str) -> Iterator[tuple[str, str, str]]:
    dossier = make_dossier(cast, Status.RETURNED)
    SAMPLES.update(public_id=str(dossier.public_id), code=cast.procedure.code)
    try:
        for path, name in walk(get_resolver().url_patterns):
            response = client.get(path, headers=headers)
            yield path, name, response.get("Cache-Control", "")
    finally:
        SAMPLES.clear()


def is_private(cache_control: str) -> bool:
    return all(word in cache_control for word in PRIVATE)


def test_the_public_list_is_the_one_expected() -> None:
    assert PUBLIC_VIEWS == EXPECTED_PUBLIC


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["applicant", "receptionist_a"])
def test_nothing_a_logged_in_user_is_sent_may_be_stored(who: str) -> None:
    cast = make_cast()
    client = Client(raise_request_exception=False)
    login_verified(client, getattr(cast, who))

    stored = [(path, cc) for path, _name, cc in responses(client, cast) if not is_private(cc)]

    assert stored == []


@pytest.mark.django_db
def test_anonymous_visitors_may_keep_only_the_public_pages() -> None:
    cast = make_cast()
    client = Client(raise_request_exception=False)

    seen = list(responses(client, cast))
    stored = {name for _path, name, cc in seen if not is_private(cc)}

    assert len(seen) > 200
    assert stored <= EXPECTED_PUBLIC
    # The public pages are really reached, and really left storable.
    assert {"core:home", "catalogue:detail", "reports:public", "api-v1:get_procedure"} <= stored


@pytest.mark.django_db
def test_a_request_with_an_api_key_is_never_stored_even_on_public_pages() -> None:
    cast = make_cast()
    client = Client(raise_request_exception=False)

    for headers in ({"Authorization": "Bearer dvc_x"}, {"X-API-Key": "dvc_x"}):
        seen = list(responses(client, cast, **headers))
        assert [path for path, _name, cc in seen if not is_private(cc)] == []


@pytest.mark.django_db
def test_the_applicants_own_dossier_page_and_files_say_no_store() -> None:
    cast = make_cast()
    dossier = make_dossier(cast, Status.RETURNED)
    attachment = dossier.attachments.first()
    client = Client()
    login_verified(client, cast.applicant)

    for path in (
        f"/ho-so/{dossier.public_id}/",
        f"/ho-so/tep/{attachment.public_id}/",
        f"/phieu/{dossier.public_id}/01.pdf",
        f"/api/v1/applicant/dossiers/{dossier.public_id}",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert is_private(response["Cache-Control"]), path


@pytest.mark.django_db
def test_the_public_lookup_result_says_no_store(client) -> None:
    cast = make_cast()
    dossier = make_dossier(cast)

    response = client.post("/tra-cuu/", {"code": dossier.code, "factor": "0912345678"})

    assert response.status_code == 200
    assert dossier.code in response.content.decode()
    assert is_private(response["Cache-Control"])
