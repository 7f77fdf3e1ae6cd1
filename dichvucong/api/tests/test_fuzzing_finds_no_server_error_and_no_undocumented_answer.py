"""Schemathesis against a live server, from the OpenAPI document the server
serves: every operation, valid and invalid input, no 5xx, and every answer
documented (status, content type, body schema).

Run with `pytest -m fuzz dichvucong/api`. Bounded: FUZZ_EXAMPLES examples
per operation, no shrinking, a timeout per request: about three minutes.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils.crypto import get_random_string

from dichvucong.api import openapi
from dichvucong.api.tests.helpers import Keys, make_keys
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_cast, make_dossier, make_draft

# Skipped, not failed, where the dev requirements are not installed.
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, settings  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

# Hypothesis keeps caches in ./.hypothesis by default: not in the checkout.
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "dichvucong-hypothesis"))

# Examples per operation; FUZZ_EXAMPLES=200 for a longer run by hand.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
# A request that hangs fails the run instead of holding up CI.
REQUEST_TIMEOUT_SECONDS = 10
# Valid-by-schema requests may still be refused (an unknown procedure code
# is a 422), so positive_data_acceptance is not asked for; everything else
# about the answers is.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
)
# The key each operation is called with, so the role-specific paths run
# deeper than a 409; the others use the receptionist's.
KEY_FOR = {
    "assign": "leader_a",
    "approve": "leader_a",
    "stop": "leader_a",
    "apologise": "leader_a",
    "list_specialists": "leader_a",
    "forward": "specialist_a",
    "status_counts": "read_a",
}


@pytest.fixture(autouse=True)
def limits_out_of_the_way(settings: Any) -> None:
    """Thousands of requests from one address and key: the throttle would
    answer (documented) 429s to most of them and the fuzzing would reach
    nothing. The limits have their own tests."""
    settings.API_REQUESTS_PER_KEY_PER_MINUTE = 1_000_000
    settings.API_BAD_KEYS_PER_ADDRESS = 1_000_000
    settings.SUBMISSIONS_PER_ACCOUNT = settings.SUBMISSIONS_PER_ADDRESS = 1_000_000


@dataclass
class World:
    """Demo-like data: the cast, its keys, a draft, a dossier per stage,
    and a logged-in applicant's cookies."""

    cast: Cast
    keys: Keys
    draft_id: str
    dossier_ids: list[str]
    cookies: dict[str, str]


def _applicant_cookies(cast: Cast) -> dict[str, str]:
    """A logged-in session, and a CSRF cookie whose value the requests
    also send as X-CSRFToken (any 32 letters and digits will do)."""
    client = Client()
    client.force_login(cast.applicant)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": get_random_string(32)}


@pytest.fixture
def world(transactional_db: None, live_server: Any) -> World:
    cast = make_cast()
    stages = (Status.SUBMITTED, Status.ACCEPTED, Status.PROCESSING, Status.RESOLVED)
    return World(
        cast=cast,
        keys=make_keys(cast),
        draft_id=str(make_draft(cast).public_id),
        dossier_ids=[str(make_dossier(cast, status).public_id) for status in stages],
        cookies=_applicant_cookies(cast),
    )


# The generated document, which the drift test proves is the one served.
# Loaded eagerly: schemathesis' lazy fixture loader does not run on pytest 9.
schema = schemathesis.openapi.from_dict(json.loads(openapi.generated()))
# Credentials come from the fixture rather than being generated, and
# unknown query parameters are ignored by design (only bodies are strict).
schema.config.generation.update(
    allow_extra_parameters=False,
    with_security_parameters=False,
    max_examples=FUZZ_EXAMPLES,
    no_shrink=True,
    deterministic=True,
)


def _real_ids(case: Any, world: World) -> None:
    """Put a real id where the generated one is a well-formed UUID (a
    random one would only ever find 404); malformed ones stay, to test 422."""
    params = case.path_parameters or {}
    if not _is_uuid(params.get("public_id")):
        return
    if case.path.startswith("/api/v1/applicant/"):
        params["public_id"] = world.draft_id
    else:
        ids = world.dossier_ids
        params["public_id"] = ids[zlib.crc32(repr(case.body).encode()) % len(ids)]


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _credentials(case: Any, world: World) -> dict[str, str]:
    """The applicant's session and the key for the operation. Credentials
    are not fuzzed (see the schema's configuration); the auth tests cover
    them."""
    case.cookies = dict(world.cookies)
    name = KEY_FOR.get(case.operation.definition.raw.get("operationId"), "receptionist_a")
    secret = getattr(world.keys, name).secret
    return {"Authorization": f"Bearer {secret}", "X-CSRFToken": world.cookies["csrftoken"]}


@pytest.mark.fuzz
@schema.parametrize()
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,
)
def test_fuzzing_finds_no_server_error_and_no_undocumented_answer(
    case: Any, world: World, live_server: Any
) -> None:
    _real_ids(case, world)
    checks = [getattr(schemathesis.checks, name) for name in CHECKS]
    headers = _credentials(case, world)
    case.call_and_validate(
        base_url=live_server.url,
        headers=headers,
        checks=checks,
        timeout=REQUEST_TIMEOUT_SECONDS,
    )
