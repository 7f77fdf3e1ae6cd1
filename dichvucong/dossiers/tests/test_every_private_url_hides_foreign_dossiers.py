"""Walks every URL of the site that takes an id (a UUID) and calls it, for
every role, with the ids of ward A's dossier, its attachment and its slips.
Whoever has no business with the dossier gets 404 (or, when not logged in,
the login page); never the content."""

from __future__ import annotations

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

UUID_PARAM = re.compile(r"<uuid:(\w+)>")
ALLOWED_FOR_OUTSIDERS = {403, 404, 405}


def _walk(patterns, prefix=""):  # type: ignore[no-untyped-def]
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and "<uuid:" in route:
            yield route


def _routes() -> list[str]:
    return sorted(set(_walk(get_resolver().url_patterns)))


def _paths(route: str, ids: list[uuid.UUID]) -> list[str]:
    paths = []
    for value in ids:
        path = UUID_PARAM.sub(str(value), route)
        path = re.sub(r"<[^>]*:?(\w+)>", "01", path)  # other parameters: slip number etc.
        paths.append("/" + path.lstrip("^").rstrip("$"))
    return paths


@pytest.fixture
def ward_a_ids(cast):
    dossier = make_dossier(cast, Status.RETURNED)
    return [dossier.public_id, *dossier.attachments.values_list("public_id", flat=True)]


def test_the_walk_finds_the_private_urls():
    routes = _routes()
    assert any(r.startswith("ho-so/") for r in routes)
    assert any(r.startswith("mot-cua/") for r in routes)
    assert any(r.startswith("phieu/") for r in routes)


@pytest.mark.parametrize("who", ["other_applicant", "receptionist_b", "specialist_b", "leader_b"])
def test_outsiders_get_nothing_of_another_wards_dossier(client, cast, ward_a_ids, who):
    login_verified(client, getattr(cast, who))
    for route in _routes():
        for path in _paths(route, ward_a_ids):
            for method in (client.get, client.post):
                response = method(path)
                assert response.status_code in ALLOWED_FOR_OUTSIDERS, (who, path, response)


def test_anonymous_visitors_are_sent_to_login_or_get_nothing(client, cast, ward_a_ids):
    for route in _routes():
        for path in _paths(route, ward_a_ids):
            response = client.get(path)
            if response.status_code == 302:
                assert "dang-nhap" in response["Location"], path
            else:
                assert response.status_code in ALLOWED_FOR_OUTSIDERS, (path, response)


@pytest.mark.parametrize("who", ["applicant", "receptionist_a"])
def test_the_owner_and_the_wards_staff_reach_the_dossier(client, cast, ward_a_ids, who):
    login_verified(client, getattr(cast, who))
    reached = 0
    for route in _routes():
        for path in _paths(route, ward_a_ids):
            if client.get(path).status_code in (200, 302):
                reached += 1
    assert reached >= 3
