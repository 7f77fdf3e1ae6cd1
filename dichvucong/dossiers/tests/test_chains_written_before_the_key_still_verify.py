"""Events written before the event log had a key carry a plain SHA-256.
Their chains still verify, an edit in them is still found, and new events
continue them with keyed hashes."""

from __future__ import annotations

from dichvucong.dossiers import events, lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.events import verify
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.chain_tools import edit_reason, fresh, recompute


def test_a_chain_of_plain_hashes_verifies(cast):
    dossier = make_dossier(cast, Status.ACCEPTED)
    recompute(dossier)  # as it was written before the key
    assert not any(events.is_keyed(h) for h in dossier.events.values_list("hash", flat=True))
    assert verify(fresh(dossier)) == []


def test_an_edit_in_a_plain_chain_is_found(cast):
    dossier = make_dossier(cast, Status.REFUSED)
    recompute(dossier)
    edit_reason(dossier, 2, "đã sửa")
    assert [(b.seq, b.kind) for b in verify(fresh(dossier))] == [(2, events.EDITED)]


def test_a_plain_chain_goes_on_with_keyed_events(cast):
    dossier = make_dossier(cast, Status.SUBMITTED)
    recompute(dossier)
    lifecycle.accept(fresh(dossier), cast.receptionist_a)
    dossier = fresh(dossier)
    assert events.is_keyed(dossier.last_event_hash)
    assert verify(dossier) == []
