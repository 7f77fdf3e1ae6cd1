"""`in` on an integer column drops the values the column cannot hold.

Since Django 5.0 `filter(pk=10**40)` finds nothing instead of letting
SQLite raise OverflowError (or PostgreSQL compare against a numeric, and
scan the table): IntegerFieldOverflow, on exact, gt, gte, lt, lte. `in` was
left out, and ModelMultipleChoiceField asks `pk__in=[...]` with whatever
boxes were posted, so a 40-digit id typed into a multiple choice was a
server error on SQLite. A value outside the column's range matches no row,
so it is dropped here, as Exact treats it; the form then says "not a valid
choice". Registered once for every integer field (CoreConfig.ready).
"""

from __future__ import annotations

from typing import Any

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            try:
                low, high = connection.ops.integer_field_range(
                    self.lhs.output_field.get_internal_type()
                )
            except KeyError:  # an integer field of a kind the backend does not list
                return super().process_rhs(compiler, connection)
            self.rhs = [value for value in self.rhs if _fits(value, low, high)]
        return super().process_rhs(compiler, connection)


def _fits(value: Any, low: int | None, high: int | None) -> bool:
    if not isinstance(value, int):
        return True  # None, expressions: In handles them as before
    return (low is None or value >= low) and (high is None or value <= high)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
