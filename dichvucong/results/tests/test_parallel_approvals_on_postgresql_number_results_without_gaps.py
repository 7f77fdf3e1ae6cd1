"""Eight leaders' approvals at once on PostgreSQL (each its own
connection), some rolled back after taking a number: the issued results
carry 1..n exactly once, no gap, no duplicate. The register row's lock
orders the issuers; a rollback returns its number with it. The register is
documents' series of results of the agency for the year."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from dichvucong.documents.models import IssuedNumber, NumberSeries
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_cast, make_dossier
from dichvucong.results.models import ResultDraft
from dichvucong.results.service import REGISTER_KIND, register_reference

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]
CLIENTS = 8


class Undo(Exception):
    pass


@pytest.fixture(autouse=True)
def _postgresql_only(settings, tmp_path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("parallel clients need PostgreSQL")
    settings.MEDIA_ROOT = tmp_path / "media"


def test_parallel_issuers_get_consecutive_numbers() -> None:
    cast = make_cast()
    dossiers = [make_dossier(cast, Status.PROCESSING) for _ in range(CLIENTS)]
    for dossier in dossiers:
        lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    barrier = threading.Barrier(CLIENTS)
    errors: list[BaseException] = []

    def approve(index: int) -> None:
        try:
            barrier.wait(20)
            with transaction.atomic():
                lifecycle.approve(dossiers[index], cast.leader_a)
                if index % 3 == 0:
                    raise Undo()  # took a number, then rolled back
        except Undo:
            pass
        except BaseException as error:  # asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert errors == [], errors
    issued = sorted(ResultDraft.objects.exclude(number=None).values_list("number", flat=True))
    kept = CLIENTS - len(range(0, CLIENTS, 3))
    assert issued == list(range(1, kept + 1))
    series = NumberSeries.objects.get(agency=cast.agency_a, kind=REGISTER_KIND)
    assert series.last_number == kept
    registered = {
        issued.reference: issued.number for issued in IssuedNumber.objects.filter(series=series)
    }
    drafts = ResultDraft.objects.exclude(number=None)
    assert registered == {register_reference(draft): draft.number for draft in drafts}
