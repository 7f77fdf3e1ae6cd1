"""`tables` sums entity tables up from agency × procedure and years from
months; each must equal the table grouped directly in the database."""

from __future__ import annotations

from datetime import date

import pytest

from dichvucong.reports import statistics
from dichvucong.reports.statistics import DIMENSIONS, Period


@pytest.mark.parametrize(
    "period",
    [
        Period(date(2025, 1, 1), date(2025, 12, 31)),
        Period(date(2024, 11, 15), date(2025, 3, 10)),
        Period(date(2024, 1, 1), date(2025, 12, 31)),
    ],
)
def test_rolled_up_tables_equal_direct_ones(cast, world, frozen, period):
    together = statistics.tables(None, period, DIMENSIONS, frozen)
    for dim in DIMENSIONS:
        direct = statistics.table(None, period, (dim,), frozen)
        assert [(r.label, r.figures) for r in together[dim]] == [
            (r.label, r.figures) for r in direct
        ], dim
        assert direct, dim
