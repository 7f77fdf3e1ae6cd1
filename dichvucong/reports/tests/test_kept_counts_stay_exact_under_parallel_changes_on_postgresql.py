"""Many clerks at once on PostgreSQL: dossiers submitted, accepted,
refused and resolved in parallel threads (each its own connection), while
two compactions run again and again and a rebuild runs in the middle. The
kept counts then equal a direct count: no change lost or counted twice,
no deadlock, no error."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_cast, make_draft
from dichvucong.reports.statistics import FINE_GRAIN, Period
from dichvucong.reports.tally import compaction
from dichvucong.reports.tally.rebuild import rebuild
from dichvucong.reports.tally.verify import differences

WORKERS = 6
EACH = 4


def _work(cast, drafts, errors, barrier) -> None:  # type: ignore[no-untyped-def]
    try:
        barrier.wait(timeout=60)
        for index, draft in enumerate(drafts):
            dossier = lifecycle.submit(draft, cast.applicant)
            if index % 4 == 3:
                lifecycle.refuse(dossier, cast.receptionist_a, "Sai thẩm quyền")
                continue
            lifecycle.accept(dossier, cast.receptionist_a)
            if index % 2:
                lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
                lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
                lifecycle.approve(dossier, cast.leader_a)
    except Exception as error:  # noqa: BLE001 - reported by the test
        errors.append(repr(error))
    finally:
        connections.close_all()


def _compact_until(done, errors, barrier) -> None:  # type: ignore[no-untyped-def]
    try:
        barrier.wait(timeout=60)
        while not done.is_set():
            compaction.compact(batch=7)
    except Exception as error:  # noqa: BLE001
        errors.append(repr(error))
    finally:
        connections.close_all()


def _rebuild_once(errors, barrier) -> None:  # type: ignore[no-untyped-def]
    try:
        barrier.wait(timeout=60)
        rebuild()
    except Exception as error:  # noqa: BLE001
        errors.append(repr(error))
    finally:
        connections.close_all()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_changes_compactions_and_a_rebuild_leave_the_counts_exact(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    settings.MEDIA_ROOT = tmp_path / "media"
    cast = make_cast()
    drafts = [[make_draft(cast) for _ in range(EACH)] for _ in range(WORKERS)]
    errors: list[str] = []
    done = threading.Event()
    barrier = threading.Barrier(WORKERS + 3)
    workers = [
        threading.Thread(target=_work, args=(cast, mine, errors, barrier)) for mine in drafts
    ]
    helpers = [
        threading.Thread(target=_compact_until, args=(done, errors, barrier)),
        threading.Thread(target=_compact_until, args=(done, errors, barrier)),
        threading.Thread(target=_rebuild_once, args=(errors, barrier)),
    ]
    for thread in workers + helpers:
        thread.start()
    for thread in workers:
        thread.join(timeout=300)
    done.set()
    for thread in helpers:
        thread.join(timeout=60)
    assert errors == []
    today = timezone.localdate()
    period = Period(today.replace(month=1, day=1), today.replace(month=12, day=31))
    for dims in ((), FINE_GRAIN, ("month",)):
        assert differences(period, dims, today) == []
    compaction.compact_all()
    assert differences(period, FINE_GRAIN, today) == []
