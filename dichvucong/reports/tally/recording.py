"""Keeping the counts up to date, in the transaction of the change.

Every change that can move a figure saves a row the signals below see: an
event (each status change, supplement, apology, assignment appends one
after the dossier row is updated), a payment, a rating, a result, a file,
and a dossier saved whole. `refresh` then reads the dossier as it is now,
works out what it adds (contribution.py), and writes only the difference
from what it added before: a few TallyEntry rows and its DossierTally.

Locks: the dossier row (as every operation does, dossiers.locking), read
in the same query as what it added before: one read, then at most two
writes. The entries are inserts, so two changes to different dossiers
never wait on each other, however hot the day."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save, pre_delete

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier, Event, ResultDocument
from dichvucong.reports.models import DossierTally, TallyEntry
from dichvucong.reports.tally.contribution import (
    Contribution,
    contribution,
    difference,
    dump,
    facts,
    load,
)

_state = threading.local()


@contextmanager
def recounted(using: str = "default") -> Iterator[None]:
    """For loads that write many dossiers at once (the demo, the data
    generator): nothing is recorded change by change meanwhile, and
    everything is counted again at the end, in the same transaction."""
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = False
    from dichvucong.reports.tally.rebuild import rebuild

    rebuild(using)

def refresh(dossier_id: int) -> None:
    """What the dossier adds, brought up to date (nothing if unchanged)."""
    if getattr(_state, "suspended", False):
        return
    with transaction.atomic(savepoint=False):
        locked = Dossier.objects.select_for_update(no_key=True, of=("self",))
        stored = DossierTally.objects.filter(dossier=OuterRef("pk")).values("counted")
        rows = list(facts(locked.filter(pk=dossier_id), counted=Subquery(stored)))
        if rows:
            _write(dossier_id, contribution(rows[0]), rows[0]["counted"])


def forget(dossier_id: int) -> None:
    """The dossier is being deleted: what it added goes with it."""
    if getattr(_state, "suspended", False):
        return
    with transaction.atomic(savepoint=False):
        stored = DossierTally.objects.filter(dossier_id=dossier_id).values_list("counted")
        _write(dossier_id, {}, next(iter(stored), [None])[0])


def _write(dossier_id: int, new: Contribution, stored: Any) -> None:
    """Writes new - stored, and new as what the dossier adds (the caller
    holds the dossier row, so nobody else writes its tally meanwhile)."""
    if isinstance(stored, str):  # a JSON column read through a subquery
        stored = json.loads(stored)
    change = difference(new, load(stored) if stored else {})
    if not change:
        return
    TallyEntry.objects.bulk_create(entries(change))
    if stored is None:
        DossierTally.objects.create(dossier_id=dossier_id, counted=dump(new))
    else:
        DossierTally.objects.filter(dossier_id=dossier_id).update(counted=dump(new))


def entries(change: Contribution) -> list[TallyEntry]:
    return [
        TallyEntry(day=day, agency_id=agency, procedure_id=procedure, **columns)
        for (day, agency, procedure), columns in sorted(change.items())
    ]


# --- What calls refresh -------------------------------------------------------------


def _never_counted(dossier: Any) -> bool:
    """A draft or a practice run adds nothing, and never did."""
    return dossier is not None and (dossier.status == Status.DRAFT or dossier.is_practice)


def _cached_dossier(instance: Any) -> Any:
    """The dossier the row was saved with, if it came along (no query)."""
    return instance._state.fields_cache.get("dossier")


def dossier_saved(sender: Any, instance: Dossier, **kwargs: Any) -> None:
    if kwargs.get("raw") or _never_counted(instance):
        return
    refresh(instance.pk)


# Dossiers being deleted in this thread: the rows deleted along with them
# (files, payments...) must not count them again.
_deleting = threading.local()


def _being_deleted() -> set[int]:
    if not hasattr(_deleting, "ids"):
        _deleting.ids = set()
    return _deleting.ids


def dossier_deleting(sender: Any, instance: Dossier, **kwargs: Any) -> None:
    if not _never_counted(instance):
        _being_deleted().add(instance.pk)
        forget(instance.pk)


def dossier_deleted(sender: Any, instance: Dossier, **kwargs: Any) -> None:
    _being_deleted().discard(instance.pk)


def related_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """An event, payment, rating, result or file of a dossier."""
    if kwargs.get("raw") or _never_counted(_cached_dossier(instance)):
        return
    if instance.dossier_id not in _being_deleted():
        refresh(instance.dossier_id)


def connect() -> None:
    from dichvucong.feedback.models import Rating
    from dichvucong.payments.models import Payment

    post_save.connect(dossier_saved, sender=Dossier, dispatch_uid="tally:dossier")
    pre_delete.connect(dossier_deleting, sender=Dossier, dispatch_uid="tally:dossier-deleting")
    post_delete.connect(dossier_deleted, sender=Dossier, dispatch_uid="tally:dossier-deleted")
    for model in (Event, Attachment, ResultDocument, Payment, Rating):
        uid = f"tally:{model._meta.label}"
        post_save.connect(related_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(related_changed, sender=model, dispatch_uid=uid)
