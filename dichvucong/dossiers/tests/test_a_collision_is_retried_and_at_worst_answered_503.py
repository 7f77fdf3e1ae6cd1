"""When two requests collide in PostgreSQL — a deadlock, or a row held
longer than the lock timeout — the operation runs again; if it still
cannot, the page and the API answer 503 with Retry-After and change
nothing, never a 500. PostgreSQL only (real deadlocks and lock waits)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from dichvucong.conflicts import operation
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_cast, make_draft

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("real deadlocks and lock waits need PostgreSQL")


def test_two_operations_that_deadlock_both_succeed() -> None:
    cast = make_cast()
    first, second = make_draft(cast), make_draft(cast)
    barrier = threading.Barrier(2)
    runs: list[str] = []
    errors: list[BaseException] = []

    @operation
    def lock_both(one: Dossier, other: Dossier, name: str) -> None:
        runs.append(name)
        lock_dossier(one)
        if runs.count(name) == 1:
            barrier.wait(10)  # each holds one row and reaches for the other's
        lock_dossier(other)

    def run(one: Dossier, other: Dossier, name: str) -> None:
        try:
            lock_both(one, other, name)
        except BaseException as error:  # asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(first, second, "a")),
               threading.Thread(target=run, args=(second, first, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [], errors
    assert len(runs) == 3, "the deadlock victim ran exactly once more"


class _Held:
    """Another request holding the dossier's row until released."""

    def __init__(self, dossier: Dossier) -> None:
        self.held, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold, args=(dossier,))

    def _hold(self, dossier: Dossier) -> None:
        try:
            with transaction.atomic():
                lock_dossier(dossier)
                self.held.set()
                self.release.wait(60)
        finally:
            connections.close_all()

    def __enter__(self) -> _Held:
        self.thread.start()
        assert self.held.wait(30)
        connection.cursor().execute("SET lock_timeout = '50ms'")
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(30)
        connection.cursor().execute("RESET lock_timeout")


def test_a_page_answers_503_with_retry_after_and_changes_nothing() -> None:
    cast = make_cast()
    draft = make_draft(cast)
    client = Client()
    client.force_login(cast.applicant)
    with _Held(draft):
        response = client.post(f"/ho-so/{draft.public_id}/buoc/1/",
                               {"child_name": "Lê Văn C", "action": "save"})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Hệ thống đang bận" in response.content.decode()
    draft.refresh_from_db()
    assert draft.form_data["child_name"] == "Nguyễn Minh An"
    # Once the other request is done, the same post goes through.
    response = client.post(f"/ho-so/{draft.public_id}/buoc/1/",
                           {"child_name": "Lê Văn C", "action": "save"})
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.form_data["child_name"] == "Lê Văn C"


def test_the_api_answers_503_busy_with_retry_after() -> None:
    cast = make_cast()
    draft = make_draft(cast)
    client = Client()
    client.force_login(cast.applicant)
    with _Held(draft):
        response = client.post(f"/api/v1/applicant/dossiers/{draft.public_id}/submit")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["code"] == "busy"
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and draft.code is None
