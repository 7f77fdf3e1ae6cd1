"""50 applicants press "Nộp hồ sơ" at the same moment: 50 dossiers, 50
different codes, numbered 0001 to 0050 for the agency and the day."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_cast, make_draft

PARALLEL = 50


def _submit_all(dossiers: list[Dossier]) -> list[BaseException]:
    barrier = threading.Barrier(len(dossiers))
    errors: list[BaseException] = []

    def work(dossier: Dossier) -> None:
        try:
            barrier.wait(timeout=30)
            lifecycle.submit(dossier, dossier.applicant)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(d,)) for d in dossiers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_submissions_get_fifty_distinct_sequential_codes():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    cast = make_cast()
    drafts = [make_draft(cast) for _ in range(PARALLEL)]
    errors = _submit_all(drafts)
    assert errors == []
    codes = list(Dossier.objects.exclude(code=None).values_list("code", flat=True))
    assert len(codes) == PARALLEL
    assert len(set(codes)) == PARALLEL
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(1, PARALLEL + 1))


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_same_draft_submitted_fifty_times_at_once_makes_one_dossier():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    cast = make_cast()
    draft = make_draft(cast)
    copies = [Dossier.objects.get(pk=draft.pk) for _ in range(PARALLEL)]
    errors = _submit_all(copies)
    assert errors == []
    draft.refresh_from_db()
    assert draft.code.endswith("-0001")
    assert draft.events.filter(to_status=1).count() == 1
