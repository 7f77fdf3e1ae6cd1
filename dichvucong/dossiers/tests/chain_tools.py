"""What someone with write access to the database, but not the key, can do
to an event chain: edit rows and recompute hashes with the code in
events.py. Also how chains written before the key looked (plain SHA-256)."""

from __future__ import annotations

from collections.abc import Callable

from dichvucong.dossiers import events
from dichvucong.dossiers.models import Dossier, Event


def recompute(
    dossier: Dossier, from_seq: int = 1, hasher: Callable[[Event], str] = events.plain_hash
) -> None:
    """Rewrite the hashes from event `from_seq` on, linking each to the one
    before, and the dossier's head to match: a chain that is consistent
    again, as the attacker would leave it."""
    chain = list(Event.objects.filter(dossier=dossier).order_by("seq"))
    prev = ""
    for event in chain:
        if event.seq >= from_seq:
            event.prev_hash = prev
            event.hash = hasher(event)
            Event.objects.filter(pk=event.pk).update(prev_hash=event.prev_hash, hash=event.hash)
        prev = event.hash
    Dossier.objects.filter(pk=dossier.pk).update(
        event_count=chain[-1].seq if chain else 0, last_event_hash=prev
    )


def edit_reason(dossier: Dossier, seq: int, reason: str) -> None:
    Event.objects.filter(dossier=dossier, seq=seq).update(reason=reason)


def fresh(dossier: Dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)
