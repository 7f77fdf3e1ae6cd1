"""What one dossier adds to the statistics: the counting rules of
reports.statistics, written for one dossier instead of for a query.

The result maps (local day, agency, procedure) to the columns it adds to
(reports.models). Read with `facts` (one query for one dossier or for
all): its state, whether it was paid online and digitised, its rating.
The rules must say exactly what statistics.table counts; the tests compare
both after every kind of change."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value
from django.utils import timezone

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier, ResultDocument
from dichvucong.reports import statistics

Key = tuple[date, int, int]
Contribution = dict[Key, dict[str, int]]

FACT_FIELDS = (
    "pk",
    "status",
    "is_practice",
    "agency_id",
    "procedure_id",
    "submitted_at",
    "received_at",
    "resolved_at",
    "closed_at",
    "due_date",
    "extended_due_date",
    "supplement_requested_at",
    "fee_paid_at",
)


def facts(dossiers: QuerySet[Dossier], **more: Any) -> QuerySet[Dossier]:
    """values() rows with everything `contribution` reads (and `more`)."""
    digitised = Q(Exists(ResultDocument.objects.filter(dossier=OuterRef("pk")))) & Q(
        Exists(Attachment.objects.filter(dossier=OuterRef("pk")))
    )
    annotations: dict[str, Any] = {
        "paid_online": statistics._paid_online(),
        "digitised": digitised,
    }
    if statistics._rating_model() is not None:
        annotations["rating_at"] = F("rating__created_at")
        annotations["rating_level"] = F("rating__level")
    else:
        annotations["rating_at"] = Value(None)
        annotations["rating_level"] = Value(None)
    annotations.update(more)
    return dossiers.annotate(**annotations).values(*FACT_FIELDS, *annotations)


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def contribution(row: dict[str, Any]) -> Contribution:
    """What the dossier of `row` (from `facts`) adds, zeros left out."""
    if row["is_practice"] or row["status"] == Status.DRAFT:
        return {}
    added: dict[Key, Counter[str]] = defaultdict(Counter)
    agency, procedure = row["agency_id"], row["procedure_id"]

    def add(day: date, column: str, amount: int = 1) -> None:
        added[(day, agency, procedure)][column] += amount

    _received(row, add)
    _resolved(row, add)
    _rated(row, add)
    _in_progress(row, add)
    kept = {key: {column: n for column, n in counts.items() if n} for key, counts in added.items()}
    return {key: counts for key, counts in kept.items() if counts}


def _received(row: dict[str, Any], add: Any) -> None:
    if row["submitted_at"] is None:
        return
    day = local_day(row["submitted_at"])
    add(day, "received")
    if row["fee_paid_at"] is not None:
        add(day, "paid")
        if row["paid_online"]:
            add(day, "paid_online")


def _resolved(row: dict[str, Any], add: Any) -> None:
    if row["resolved_at"] is None:
        return
    day, due = local_day(row["resolved_at"]), row["due_date"]
    add(day, "resolved")
    if due is not None:
        add(day, "early" if due > day else "on_time" if due == day else "late")
    if row["digitised"]:
        add(day, "digitised")


def _rated(row: dict[str, Any], add: Any) -> None:
    if row["rating_at"] is None:
        return
    day = local_day(row["rating_at"])
    add(day, "ratings")
    if row["rating_level"] in statistics.SATISFIED_LEVELS:
        add(day, "satisfied")


def _in_progress(row: dict[str, Any], add: Any) -> None:
    """Open from the day it was received until the day before it was
    finished; paused from the day a supplement was asked for while it still
    waits for it; otherwise overdue after its current due date. A dossier
    without a due date is counted neither due nor overdue, as the query
    (a comparison with NULL) does."""
    if row["received_at"] is None:
        return
    start = local_day(row["received_at"])
    finished = row["resolved_at"] or row["closed_at"]
    end = local_day(finished) if finished else None
    if end is not None and end <= start:
        return
    pause = None
    if row["status"] == Status.SUPPLEMENT and row["supplement_requested_at"] is not None:
        pause = max(start, local_day(row["supplement_requested_at"]))
        if end is not None and pause >= end:
            pause = None
    running_end = pause if pause is not None else end
    _interval(add, "paused", pause, end)
    due = row["extended_due_date"] or row["due_date"]
    if due is None:
        return
    turn = due + timedelta(days=1)  # the first day it is overdue
    _interval(add, "not_due", start, _earliest(running_end, turn))
    _interval(add, "overdue", max(start, turn), running_end)


def _earliest(end: date | None, other: date) -> date:
    return other if end is None else min(end, other)


def _interval(add: Any, column: str, start: date | None, end: date | None) -> None:
    """In the state on the days [start, end); end None: still in it."""
    if start is None or (end is not None and end <= start):
        return
    add(start, column, 1)
    if end is not None:
        add(end, column, -1)


# --- Stored form (DossierTally.counted) -------------------------------------------


def dump(counted: Contribution) -> dict[str, dict[str, int]]:
    return {f"{day.isoformat()} {agency} {procedure}": cols for (day, agency, procedure), cols
            in counted.items()}


def load(stored: dict[str, dict[str, int]]) -> Contribution:
    result: Contribution = {}
    for key, cols in stored.items():
        day, agency, procedure = key.split(" ")
        result[(date.fromisoformat(day), int(agency), int(procedure))] = dict(cols)
    return result


def difference(new: Contribution, old: Contribution) -> Contribution:
    """new - old, zeros left out."""
    result: Contribution = {}
    for key in new.keys() | old.keys():
        counts = Counter(new.get(key, {}))
        counts.subtract(old.get(key, {}))
        changed = {column: n for column, n in counts.items() if n}
        if changed:
            result[key] = changed
    return result
