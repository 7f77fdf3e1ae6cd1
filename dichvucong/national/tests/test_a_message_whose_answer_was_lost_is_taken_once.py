"""Exactly once at the portal: a message the portal took but whose answer
never came back, or whose worker died mid-send, is sent again under the
same message id; the portal recognises it and keeps one copy, and the
dossier's later events follow in order."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from django.utils import timezone

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_dossier
from dichvucong.national.constants import SENDING_LEASE
from dichvucong.national.models import NationalMessage
from dichvucong.national.sending import claim_next, drain


def test_a_lost_answer_is_sent_again_and_recognised(cast, portal):
    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        dossier = make_dossier(cast)
        lifecycle.accept(dossier, cast.receptionist_a)
        portal.lose_answers = 1
        assert drain() == 0
        head = NationalMessage.objects.get(dossier=dossier, event_seq=1)
        assert (head.status, head.attempts) == ("pending", 1)
        clock.shift(head.next_attempt_at - timezone.now())
        assert drain() == 2
    assert portal.duplicates == [head.message_id]
    assert [e["TrangThaiHoSo"] for e in portal.taken(dossier.code)] == ["1", "2"]


def test_a_worker_that_died_mid_send_is_replaced_after_its_lease(cast, portal):
    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        dossier = make_dossier(cast)
        lifecycle.accept(dossier, cast.receptionist_a)
        claimed = claim_next()  # ... and its worker is never heard of again
        assert claimed is not None and claimed.event_seq == 1
        assert drain() == 0, "leased, and the next event waits behind it"
        clock.shift(SENDING_LEASE)
        assert drain() == 2
    row = NationalMessage.objects.get(pk=claimed.pk)
    assert (row.status, row.attempts) == ("sent", 2)
    assert [e["TrangThaiHoSo"] for e in portal.taken(dossier.code)] == ["1", "2"]
