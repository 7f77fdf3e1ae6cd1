"""Someone who can write to the database but does not hold EVENT_LOG_KEY
edits an event and recomputes the chain after it, so that every hash and
link matches again. Verification still finds the edited event."""

from __future__ import annotations

from django.test import override_settings

from dichvucong.dossiers import events
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.events import verify
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.chain_tools import edit_reason, fresh, recompute

OTHER_KEY = "a-key-the-attacker-made-up-for-himself-0123456789"


def test_an_edit_recomputed_with_plain_sha256_is_caught_at_the_edited_event(cast):
    dossier = make_dossier(cast, Status.REFUSED)
    refusal = dossier.events.get(to_status=Status.REFUSED)
    edit_reason(dossier, refusal.seq, "Hồ sơ hợp lệ")
    recompute(dossier, from_seq=refusal.seq)  # links and head all match again
    breaks = verify(fresh(dossier))
    assert breaks[0].seq == refusal.seq
    assert breaks[0].kind == events.UNKEYED_AFTER_KEYED


def test_an_edit_recomputed_with_another_key_is_caught_as_an_edit(cast):
    dossier = make_dossier(cast, Status.REFUSED)
    edit_reason(dossier, 2, "Hồ sơ hợp lệ")
    with override_settings(EVENT_LOG_KEY=OTHER_KEY):
        recompute(dossier, from_seq=2, hasher=events.keyed_hash)
    breaks = verify(fresh(dossier))
    assert [(b.seq, b.kind) for b in breaks] == [(2, events.EDITED)]


def test_a_whole_chain_recomputed_without_the_key_is_caught_once_unkeyed_chains_are_refused(cast):
    dossier = make_dossier(cast, Status.REFUSED)
    edit_reason(dossier, 1, "")
    recompute(dossier, from_seq=1)
    with override_settings(EVENT_LOG_ALLOW_UNKEYED=False):
        breaks = verify(fresh(dossier))
    assert breaks[0].seq == 1 and breaks[0].kind == events.UNKEYED


def test_the_chain_verifies_only_with_the_key_it_was_written_with(cast):
    dossier = make_dossier(cast, Status.ACCEPTED)
    assert verify(dossier) == []
    with override_settings(EVENT_LOG_KEY=OTHER_KEY):
        assert {b.kind for b in verify(dossier)} == {events.EDITED}
