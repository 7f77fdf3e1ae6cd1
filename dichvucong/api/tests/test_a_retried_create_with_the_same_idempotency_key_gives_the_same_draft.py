"""Creating a draft honours an Idempotency-Key: a client that did not hear
the answer sends the create again and gets the same draft, never a second
one, even when both requests arrive at the same moment."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from dichvucong.api.tests.helpers import assert_error, send
from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_cast

CREATE = "/applicant/dossiers"


def _create(client: Client, procedure: str, key: str | None) -> object:
    extra = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return send(client, "POST", CREATE, {"procedure": procedure}, **extra)


def test_the_same_key_gives_the_same_draft(client: Client, cast: Cast) -> None:
    client.force_login(cast.applicant)
    first = _create(client, cast.procedure.code, "8f14e45f-ceea-467f")
    again = _create(client, cast.procedure.code, "8f14e45f-ceea-467f")
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert Dossier.objects.count() == 1


def test_another_key_or_no_key_makes_another_draft(client: Client, cast: Cast) -> None:
    client.force_login(cast.applicant)
    _create(client, cast.procedure.code, "one")
    _create(client, cast.procedure.code, "two")
    _create(client, cast.procedure.code, None)
    _create(client, cast.procedure.code, None)
    assert Dossier.objects.count() == 4


def test_a_key_is_the_applicants_own(client: Client, cast: Cast) -> None:
    client.force_login(cast.applicant)
    mine = _create(client, cast.procedure.code, "shared-key").json()["id"]
    client.force_login(cast.other_applicant)
    theirs = _create(client, cast.procedure.code, "shared-key").json()["id"]
    assert mine != theirs


def test_the_same_key_for_another_procedure_is_refused(client: Client, cast: Cast) -> None:
    other = Procedure.objects.create(
        code="1.000894", name="Đăng ký kết hôn", field=cast.procedure.field,
        handling_level=cast.procedure.handling_level, online_level=OnlineLevel.PARTIAL,
        working_days=5, fee_rule={"kind": "free"},
    )
    client.force_login(cast.applicant)
    _create(client, cast.procedure.code, "k-1")
    response = _create(client, other.code, "k-1")
    body = assert_error(response, 422, "invalid", field="idempotency_key")
    assert "đã dùng cho một hồ sơ khác" in body["message"]
    assert Dossier.objects.count() == 1


@pytest.mark.parametrize("key", ["", "có dấu", "a b", "x" * 101])
def test_a_malformed_key_is_refused_in_plain_words(client: Client, cast: Cast, key: str) -> None:
    client.force_login(cast.applicant)
    response = _create(client, cast.procedure.code, key)
    assert_error(response, 422, response.json()["code"], field="Idempotency-Key")
    assert Dossier.objects.count() == 0


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_ten_creates_with_one_key_at_the_same_moment_make_one_draft() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    cast = make_cast()
    barrier = threading.Barrier(10)
    answers: list[tuple[int, str]] = []

    def create() -> None:
        client = Client()
        client.force_login(cast.applicant)
        barrier.wait(timeout=30)
        response = _create(client, cast.procedure.code, "one-click")
        answers.append((response.status_code, response.json().get("id")))
        connections.close_all()

    threads = [threading.Thread(target=create) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert {status for status, _ in answers} == {201}
    assert len({public_id for _, public_id in answers}) == 1
    assert Dossier.objects.count() == 1
