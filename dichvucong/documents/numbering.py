"""Taking a number from the register (models.py). One operation, safe
with parallel clients: the series row is locked while its counter moves
(SQLite serialises writers anyway), so two documents never share a number
and the sequence has no gap."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from dichvucong.documents.models import IssuedNumber, NumberSeries


@dataclass(frozen=True)
class Number:
    number: int
    kind: str
    year: int

    def __str__(self) -> str:
        return f"{self.number:02d}/{self.kind}"


def _number(issued: IssuedNumber) -> Number:
    return Number(issued.number, issued.series.kind, issued.series.year)


def number_of(reference: str) -> Number | None:
    issued = IssuedNumber.objects.select_related("series").filter(reference=reference).first()
    return _number(issued) if issued else None


def _series(agency_id: int, kind: str, year: int) -> NumberSeries:
    """The series row, created on first use and then locked."""
    try:
        with transaction.atomic():
            NumberSeries.objects.get_or_create(agency_id=agency_id, kind=kind, year=year)
    except IntegrityError:
        pass  # created meanwhile by another client: lock theirs
    return NumberSeries.objects.select_for_update().get(agency_id=agency_id, kind=kind, year=year)


@transaction.atomic
def issue(agency_id: int, kind: str, year: int, reference: str) -> Number:
    """The next number of (agency, kind, year) for `reference`, or the one
    it already has: asking twice never takes two numbers."""
    found = number_of(reference)
    if found is not None:
        return found
    series = _series(agency_id, kind, year)
    # Read again under the lock: a client that numbered the same reference
    # committed before releasing it.
    found = number_of(reference)
    if found is not None:
        return found
    series.last_number += 1
    series.save(update_fields=["last_number"])
    issued = IssuedNumber.objects.create(
        series=series, number=series.last_number, reference=reference
    )
    return _number(issued)
