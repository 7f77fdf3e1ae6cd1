"""The API's form-data endpoint, given any string (or a list, an object, a
huge number, NaN where a string is expected) for any e-form field type,
answers 200 with a clean stored value, or 422 naming the field (400 or
413 for a body the API cannot read or take): never a server error, never
a half-saved form."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from dichvucong.api.tests.helpers import API
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.testing import Cast
from dichvucong.dossiers.tests.hostile_strings import HOSTILE_STRINGS, SCHEMA, SIMPLE, is_clean

FIELDS = [spec["name"] for spec in SCHEMA[0]["fields"]]
NOT_STRINGS: list[object] = [
    10**40,
    -(10**40),
    2**63,
    1e308,
    -0.0,
    True,
    [],
    ["1" * 40],
    {"a": "1"},
    [{"number_f": 10**40}],
    {"ward": 10**40, "group": "1" * 40, "street": "\x01"},
    [{"home": {"ward": "١"}}],
    [[[[[]]]]],
]
# JSON that json.dumps would not write: bare NaN and infinities, and a
# number too long for int().
RAW_VALUES = ["NaN", "Infinity", "-Infinity", "1e400", "1" * 5000]


@pytest.fixture
def draft(cast: Cast):  # type: ignore[no-untyped-def]
    cast.procedure.form_schema = SCHEMA
    cast.procedure.save()
    return start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)


def put(client: Client, draft, body: str):  # type: ignore[no-untyped-def]
    return client.put(
        f"{API}/applicant/dossiers/{draft.public_id}/form", body, content_type="application/json"
    )


def assert_answered(client: Client, draft, body: str) -> None:  # type: ignore[no-untyped-def]
    before = dict(draft.form_data)
    response = put(client, draft, body)
    # 400: JSON the parser refuses (a 5000-digit number); 413: a body past
    # the API's limit; 422: a value the e-form refuses, named.
    assert response.status_code in (200, 400, 413, 422), (body[:80], response.content[:300])
    draft.refresh_from_db()
    if response.status_code != 200:
        assert response.json()["message"]
        assert draft.form_data == before
    if response.status_code == 422:
        assert all(error["message"] for error in response.json()["errors"])
    assert is_clean(draft.form_data), draft.form_data


@pytest.mark.parametrize("value", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_any_string_in_any_field(client: Client, cast: Cast, draft, value: str) -> None:
    client.force_login(cast.applicant)
    for name in FIELDS:
        assert_answered(client, draft, json.dumps({"data": {name: value}}))
    row = {spec["name"]: value for spec in SIMPLE[:4]}
    assert_answered(client, draft, json.dumps({"data": {"group_f": [row]}}))
    address = dict.fromkeys(("ward", "group", "street"), value)
    assert_answered(client, draft, json.dumps({"data": {"address_f": address}}))


@pytest.mark.parametrize("value", NOT_STRINGS, ids=range(len(NOT_STRINGS)))
def test_any_json_value_in_any_field(client: Client, cast: Cast, draft, value: object) -> None:
    client.force_login(cast.applicant)
    for name in FIELDS:
        assert_answered(client, draft, json.dumps({"data": {name: value}}))


@pytest.mark.parametrize("raw", RAW_VALUES)
def test_bare_nan_infinity_and_endless_numbers(client: Client, cast: Cast, draft, raw: str):
    client.force_login(cast.applicant)
    for name in FIELDS:
        assert_answered(client, draft, '{"data": {"' + name + '": ' + raw + "}}")
