"""Several workers drain the outbox at once (PostgreSQL): the lease and
SKIP LOCKED give each message to one of them, the portal takes every
message exactly once, and each dossier's in the order of its events."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_cast, make_dossier
from dichvucong.national import service
from dichvucong.national.models import NationalMessage
from dichvucong.national.sending import drain

WORKERS = 4
DOSSIERS = 6


def _drain(counts: list[int], errors: list[str], barrier: threading.Barrier) -> None:
    try:
        barrier.wait(timeout=60)
        counts.append(drain())
    except Exception as error:  # noqa: BLE001 - reported by the test
        errors.append(repr(error))
    finally:
        connections.close_all()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_four_drainers_deliver_every_message_once_in_order(portal, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are proven on PostgreSQL (SQLite serialises writers)")
    # The tasks asked for after each commit are lost (a broker outage): the
    # whole backlog is left to the drainers.
    monkeypatch.setattr(service, "enqueue", lambda dossier_ids: None)
    cast = make_cast()
    dossiers = [make_dossier(cast, Status.RETURNED) for _ in range(DOSSIERS)]
    total = NationalMessage.objects.count()
    assert total == 5 * DOSSIERS
    counts: list[int] = []
    errors: list[str] = []
    barrier = threading.Barrier(WORKERS)
    threads = [
        threading.Thread(target=_drain, args=(counts, errors, barrier)) for _ in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sum(counts) == total
    assert len([c for c in counts if c]) > 1, "one worker did all the work: nothing was shared"
    assert len(portal.accepted) == total
    assert portal.duplicates == portal.out_of_order == portal.bad_updates == []
    for dossier in dossiers:
        codes = [e["TrangThaiHoSo"] for e in portal.taken(dossier.code)]
        assert codes == ["1", "2", "4", "9", "10"]
