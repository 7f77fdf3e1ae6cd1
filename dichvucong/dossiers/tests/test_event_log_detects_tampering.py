"""Events are append-only; the hash chain shows any edit or deletion."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dichvucong.dossiers import events
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.events import verify
from dichvucong.dossiers.models import Event
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.chain_tools import edit_reason, fresh


def test_an_intact_log_verifies(cast, capsys):
    make_dossier(cast, Status.RETURNED)
    call_command("verify_events")
    assert "nguyên vẹn" in capsys.readouterr().out


def test_every_change_writes_an_event_with_who_when_from_to(cast):
    dossier = make_dossier(cast, Status.REFUSED)
    refusal = dossier.events.get(to_status=Status.REFUSED)
    assert refusal.from_status == Status.SUBMITTED
    assert refusal.actor == cast.receptionist_a
    assert refusal.reason == "Sai thẩm quyền"


def test_new_events_carry_a_keyed_hash(cast):
    dossier = make_dossier(cast, Status.ACCEPTED)
    hashes = list(dossier.events.values_list("hash", flat=True))
    assert hashes and all(h.startswith(events.KEYED) for h in hashes)
    assert all(len(h) <= 64 for h in hashes)  # fits the column plain hashes used


def test_an_event_cannot_be_saved_again_or_deleted_through_the_model(cast):
    event = make_dossier(cast).events.first()
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_an_event_edited_afterwards_is_reported(cast):
    dossier = make_dossier(cast, Status.REFUSED)
    refusal = dossier.events.get(to_status=Status.REFUSED)
    edit_reason(dossier, refusal.seq, "đã sửa")
    [found] = verify(dossier)
    assert (found.seq, found.kind) == (refusal.seq, events.EDITED)
    with pytest.raises(CommandError):
        call_command("verify_events")


def test_an_event_deleted_from_the_middle_is_reported(cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    Event.objects.filter(dossier=dossier, seq=2)._raw_delete(Event.objects.db)
    [found] = verify(dossier)
    assert (found.seq, found.kind) == (3, events.MISSING)
    assert "thiếu sự kiện số 2" in str(found)
    with pytest.raises(CommandError):
        call_command("verify_events")


def test_the_last_event_deleted_is_reported(cast):
    dossier = make_dossier(cast, Status.ACCEPTED)
    last = dossier.event_count
    Event.objects.filter(dossier=dossier, seq=last)._raw_delete(Event.objects.db)
    [found] = verify(fresh(dossier))
    assert (found.seq, found.kind) == (last, events.TAIL_CUT)
