"""Receipt numbers are BL-<year>-<000001>, one sequence per year, without
gaps or duplicates, also when payments are confirmed at the same moment."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from django.db import connection, connections

from dichvucong.payments.receipts import issue_receipt_number
from dichvucong.payments.tests.helpers import HANOI

PARALLEL = 30


@pytest.mark.django_db
def test_numbers_count_up_and_restart_each_year():
    late_2025 = datetime(2025, 12, 31, 23, 59, tzinfo=HANOI)
    # 00:30 on 1 January in Hà Nội is still 31 December in UTC: the year
    # printed on the receipt is the local one.
    new_year = datetime(2026, 1, 1, 0, 30, tzinfo=HANOI)
    assert issue_receipt_number(late_2025) == "BL-2025-000001"
    assert issue_receipt_number(late_2025) == "BL-2025-000002"
    assert issue_receipt_number(new_year) == "BL-2026-000001"
    assert issue_receipt_number(late_2025) == "BL-2025-000003"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_confirmations_get_distinct_consecutive_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    moment = datetime(2026, 3, 16, 9, 0, tzinfo=HANOI)
    barrier = threading.Barrier(PARALLEL)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait(timeout=30)
            numbers.append(issue_receipt_number(moment))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(numbers) == [f"BL-2026-{n:06d}" for n in range(1, PARALLEL + 1)]
