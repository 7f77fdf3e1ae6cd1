"""Counting everything again from the dossiers: after an upgrade (the
database had dossiers before the counts existed), after rows were written
in bulk (the data generator, the demo, the report tests' generator), or to
repair. `manage.py rebuild_statistics`.

It reads every real dossier once, in primary-key order and in chunks, and
writes each one's DossierTally and the day and month sums. On PostgreSQL
it holds the dossier table in EXCLUSIVE mode meanwhile (reads go on,
changes wait): a change waits for it to finish, since recording.py reads
what a dossier added in the query that locks the dossier row, and then
adds its difference to the rebuilt figures. On a big database, run it
when the offices are closed."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db import connections, transaction
from django.utils import timezone

from dichvucong.dossiers.models import Dossier
from dichvucong.reports.models import (
    DayTally,
    DossierTally,
    MonthTally,
    TallyEntry,
    TallyState,
)
from dichvucong.reports.statistics import real_dossiers
from dichvucong.reports.tally.compaction import Sums, add_sums
from dichvucong.reports.tally.contribution import contribution, dump, facts

CHUNK = 5_000


def rebuild(using: str = "default") -> int:
    """Returns the number of dossiers counted."""
    with transaction.atomic(using=using):
        _lock(using)
        # Then the state row, as compaction does first: neither waits for
        # the other while holding what the other needs.
        TallyState.objects.using(using).get_or_create(pk=1)
        TallyState.objects.using(using).filter(pk=1).update(built=False)
        for model in (TallyEntry, DayTally, MonthTally, DossierTally):
            model.objects.using(using).all().delete()
        days: Sums = defaultdict(Counter)
        months: Sums = defaultdict(Counter)
        counted = 0
        for chunk in _chunks(using):
            tallies = []
            for row in chunk:
                added = contribution(row)
                if added:
                    _sum(added, days, months)
                    tallies.append(DossierTally(dossier_id=row["pk"], counted=dump(added)))
            DossierTally.objects.using(using).bulk_create(tallies, batch_size=1000)
            counted += len(tallies)
        add_sums(days, months, using)
        TallyState.objects.using(using).update_or_create(
            pk=1, defaults={"built": True, "built_at": timezone.now()}
        )
    return counted


def _lock(using: str) -> None:
    if connections[using].vendor == "postgresql":
        table = connections[using].ops.quote_name(Dossier._meta.db_table)
        with connections[using].cursor() as cursor:
            cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")


def _chunks(using: str) -> Any:
    last = 0
    dossiers = real_dossiers(Dossier.objects.using(using)).order_by("pk")
    while True:
        chunk = list(facts(dossiers.filter(pk__gt=last))[:CHUNK])
        if not chunk:
            return
        yield chunk
        last = chunk[-1]["pk"]


def _sum(added: dict, days: Sums, months: Sums) -> None:
    for (day, agency, procedure), columns in added.items():
        days[(day, agency, procedure)].update(columns)
        months[(day.replace(day=1), agency, procedure)].update(columns)
