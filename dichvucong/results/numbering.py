"""Numbers of issue: one register per agency and year (Decree 30/2020
art. 15: numbers start at 01 on 1 January and end on 31 December).

Called inside the transaction that issues the result, after the dossier
row is locked (lock order: the dossier, its own rows, then this shared
counter). The increment is a single UPDATE, whose row lock orders
concurrent issuers until they commit; a transaction that rolls back gives
its number back with it, so the sequence has no gaps. The unique
constraint on (agency, year, number) of ResultDraft holds it by
construction as well."""

from __future__ import annotations

from django.db.models import F

from dichvucong.catalogue.models import Agency
from dichvucong.results.models import ResultRegister


def next_number(agency: Agency, year: int) -> int:
    row, _created = ResultRegister.objects.get_or_create(agency=agency, year=year)
    ResultRegister.objects.filter(pk=row.pk).update(last=F("last") + 1)
    return ResultRegister.objects.values_list("last", flat=True).get(pk=row.pk)
