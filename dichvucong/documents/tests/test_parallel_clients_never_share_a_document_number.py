"""Twenty clients numbering at the same moment on PostgreSQL get 01 to
20, no gap and no repeat; ten asking for the same document share one."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from dichvucong.documents.models import IssuedNumber, NumberSeries
from dichvucong.documents.numbering import issue
from dichvucong.documents.tests.agencies import two_agencies


def _at_once(count: int, work) -> list[int]:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(count)
    numbers: list[int] = []
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            numbers.append(work(index))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    return numbers


def _skip_unless_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_new_documents_get_twenty_numbers() -> None:
    _skip_unless_postgres()
    _, office = two_agencies()
    numbers = _at_once(20, lambda n: issue(office.pk, "BC-PGDĐT", 2026, f"report:{n}").number)
    assert sorted(numbers) == list(range(1, 21))
    assert NumberSeries.objects.get().last_number == 20


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_ten_requests_for_one_document_share_its_number() -> None:
    _skip_unless_postgres()
    _, office = two_agencies()
    numbers = _at_once(10, lambda n: issue(office.pk, "QĐ-UBND", 2026, "decision:1").number)
    assert set(numbers) == {1}
    assert IssuedNumber.objects.count() == 1
