"""The access matrix. Every URL pattern that takes an object's id (found by
walking the URL configuration: pages, the API under /api/v1/, the admin)
is asked for side A's object by every role, and the answer's outcome must
be the one access_table.py gives; a role refused (or sent to log in) must
have changed nothing. A new URL with an id and no entry in the table
fails, and so does an entry whose URL is gone.

The world (access_world.py) is built, and every role logged in, once for
the module, in a transaction rolled back at the end; each request runs in
a savepoint inside it, so what an allowed role changes the next test
never sees. One client per role keeps its loaded middleware (WhiteNoise
reads the static files when a client's first request loads it).
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern

from dichvucong.accounts.testing import login_verified
from dichvucong.core.tests.access_table import (
    ACCESS,
    FORBIDDEN,
    HIDDEN,
    KEYS,
    LOGIN,
    NOT_OBJECTS,
    OK,
    ROLES,
    SECRETS,
    Case,
    Ref,
)
from dichvucong.core.tests.access_world import World, build_world
from dichvucong.dossiers.testing import pdf_upload

TABLE_FILE = "dichvucong/core/tests/access_table.py"
# Tables a refused request may write to: the audit trail records refusals.
MAY_CHANGE = {"audit.auditentry"}


# --- The URL configuration -----------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    route: str
    params: tuple[str, ...]
    named: bool


def _params_of(pattern: Any) -> tuple[str, ...]:
    if isinstance(pattern, RoutePattern):
        return tuple(pattern.converters)
    return tuple(pattern.regex.groupindex)


def _walk(
    resolver: URLResolver, prefix: str = "", namespace: str = "", params: tuple[str, ...] = ()
) -> Iterator[tuple[str, Pattern]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        found = (*params, *_params_of(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, route, inner, found)
        elif isinstance(entry, URLPattern) and found:
            key = f"{namespace}{entry.name}" if entry.name else route
            yield key, Pattern(route, found, named=bool(entry.name))


PATTERNS: dict[str, Pattern] = dict(_walk(get_resolver()))


def _cases() -> Iterator[Any]:
    for key, cases in ACCESS.items():
        for case in cases:
            extra = "".join(
                f"-{name}={value}"
                for name, value in case.params.items()
                if not isinstance(value, Ref)
            )
            name = f"{key}-{case.method}-{case.obj}{extra}"
            for role in ROLES:
                yield pytest.param(key, case, role, id=f"{name}-{role}")


# --- Who asks ----------------------------------------------------------------------------


def login_as(client: Client, user: Any) -> None:
    """The one way this module logs anyone in: staff with a verified
    second factor, as they must be to open any staff page."""
    login_verified(client, user)


def client_for(world: World, role: str) -> Client:
    """A browser for a person; for an API key, a client sending the key
    with every request (to the web pages too, which must ignore it)."""
    if role in KEYS:
        return Client(HTTP_AUTHORIZATION=f"Bearer {world.keys[role]}")
    client = Client(enforce_csrf_checks=False)
    if role != "anonymous":
        login_as(client, world.users[role])
    return client


# --- What is asked --------------------------------------------------------------------------


def _row(world: World, name: str | None) -> Any:
    if name is None:
        return None
    if name.startswith("admin:"):
        row = world.first(name.removeprefix("admin:"))
        assert row is not None, f"the world has no {name} row: make one in access_world.py"
        return row
    return world.objects[name]


def _value(world: World, row: Any, name: str, case: Case) -> Any:
    given = case.params.get(name)
    if isinstance(given, Ref):
        if given.name in world.params:
            return world.params[given.name]
        return getattr(world.objects[given.name], given.attr)
    if given is not None:
        return given
    if name == "public_id":
        return row.public_id
    if name == "code":
        return row.code
    return row.pk  # pk, object_id, id, campaign_id: the row's own key


def url_of(world: World, key: str, case: Case, row: Any) -> str:
    values = {name: _value(world, row, name, case) for name in PATTERNS[key].params}
    pattern = PATTERNS[key]
    if pattern.named:
        return reverse(key, kwargs=values)
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), pattern.route)


def send(client: Client, case: Case, url: str) -> HttpResponse:
    if case.upload:
        return client.post(url, {"file": pdf_upload()})
    if url.startswith("/api/"):
        body = "" if case.body is None else json.dumps(case.body)
        return client.generic(case.method, url, body, content_type="application/json")
    return client.generic(case.method, url)


# --- What comes back ---------------------------------------------------------------------


@functools.cache
def _login_pages() -> set[str]:
    return {resolve_url(settings.LOGIN_URL), reverse("admin:login")}


def outcome(response: HttpResponse) -> str:
    status = response.status_code
    if status == 401:
        return LOGIN
    if status in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"]).path
        return LOGIN if target in _login_pages() else OK
    if status == 403:
        return FORBIDDEN
    if status == 404:
        return HIDDEN
    if status < 300 or status in (400, 409, 422):
        return OK
    return f"HTTP {status}"


TABLES = sorted(
    model._meta.db_table
    for model in apps.get_models(include_auto_created=True)
    if model.__module__.startswith("dichvucong.") or model._meta.auto_created
    if model._meta.label_lower not in MAY_CHANGE
)
# Rows in every table of ours, in one round trip.
COUNTING = "SELECT " + ", ".join(
    f"(SELECT COUNT(*) FROM {connection.ops.quote_name(table)})" for table in TABLES
)


def state(row: Any) -> tuple[dict[str, int], list[Any]]:
    """Every table's row count, the row asked for and its dossier's row."""
    with connection.cursor() as cursor:
        cursor.execute(COUNTING)
        counts = dict(zip(TABLES, cursor.fetchone(), strict=True))
    rows: list[Any] = []
    for model_row in (row, getattr(row, "dossier", None)):
        if model_row is not None:
            rows.append(type(model_row).objects.filter(pk=model_row.pk).values().first())
    return counts, rows


def shown_text(response: HttpResponse) -> str:
    """What a page or a JSON answer shows, "" for files (PDF, XLSX) and
    streams. JSON is read back so that escaped letters (\\u1ec5) compare."""
    content_type = response.get("Content-Type", "")
    if getattr(response, "streaming", False) or not response.content:
        return ""
    if "json" in content_type:
        return json.dumps(response.json(), ensure_ascii=False)
    if content_type.startswith("text/"):
        return response.content.decode()
    return ""


def shown_secrets(world: World, role: str, response: HttpResponse) -> list[str]:
    text = shown_text(response)
    return [
        name for name, roles in SECRETS.items() if role not in roles and world.secrets[name] in text
    ]


# --- The tests --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(  # type: ignore[no-untyped-def]
    django_db_setup, django_db_blocker, tmp_path_factory
) -> Iterator[World]:
    """Uploads, slips' sources and results go to a throw-away folder."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@dataclass
class Browser:
    client: Client
    cookies: Any  # as they were right after logging in

    def fresh(self) -> Client:
        """The client with only its login cookies, whatever the last test
        left in the jar."""
        self.client.cookies = copy.deepcopy(self.cookies)
        return self.client


@pytest.fixture(scope="module")
def browsers(world: World, django_db_blocker) -> dict[str, Browser]:  # type: ignore[no-untyped-def]
    """One client per role, logged in inside the world's transaction."""
    with django_db_blocker.unblock():
        clients = {role: client_for(world, role) for role in ROLES}
    return {role: Browser(c, copy.deepcopy(c.cookies)) for role, c in clients.items()}


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Throttles count in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


def test_every_url_that_takes_an_id_has_an_entry_in_the_table() -> None:
    missing = sorted(set(PATTERNS) - set(ACCESS) - set(NOT_OBJECTS))
    assert not missing, (
        f"URL patterns with an id and no entry in {TABLE_FILE}: add what each role must get "
        f"(or, if the parameter names no row, list it in NOT_OBJECTS):\n  "
        + "\n  ".join(f"{key!r}  ({PATTERNS[key].route})" for key in missing)
    )


def test_the_world_holds_every_secret_the_table_guards(world: World) -> None:
    assert set(world.secrets) == set(SECRETS)


def test_every_entry_of_the_table_names_a_url_that_exists() -> None:
    stale = sorted((set(ACCESS) | set(NOT_OBJECTS)) - set(PATTERNS))
    assert not stale, f"entries of {TABLE_FILE} for URLs that no longer exist: {stale}"


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "case", "role"), list(_cases()))
def test_the_role_gets_what_the_table_says(
    world: World, browsers: dict[str, Browser], key: str, case: Case, role: str
) -> None:
    client = browsers[role].fresh()
    row = _row(world, case.obj)
    url = url_of(world, key, case, row)
    expected = case.expect[role]
    # A refused write must leave everything as it was. (Refused reads are
    # not checked: no page here writes on GET, and the check would add a
    # quarter to the time of the matrix's two thousand refused reads.)
    before = state(row) if expected != OK and case.method != "GET" else None
    response = send(client, case, url)
    got = outcome(response)
    assert got == expected, (
        f"{case.method} {url} as {role}: {got} (HTTP {response.status_code}), "
        f"the table says {expected}"
    )
    leaked = shown_secrets(world, role, response)
    assert not leaked, f"{case.method} {url} shows {role} side A's {leaked}"
    if before is not None:
        assert state(row) == before, f"{case.method} {url} as {role} was refused but changed data"
