"""Order is kept when a send fails: a dossier's later message waits until
the earlier one is delivered, however many drains pass; another dossier's
messages are not held up."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from django.utils import timezone

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_dossier
from dichvucong.national.models import NationalMessage
from dichvucong.national.sending import drain


def test_the_second_event_waits_for_the_first(cast, portal):
    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        first = make_dossier(cast)
        portal.failing_dossiers.add(first.code)
        assert drain() == 0
        lifecycle.accept(first, cast.receptionist_a)
        other = make_dossier(cast)
        assert drain() == 1, "the other dossier goes; the first one waits its back-off"
        assert [e["MaHoSo"] for e in portal.accepted] == [other.code]
        head = NationalMessage.objects.get(event_seq=1, dossier=first)
        clock.shift(head.next_attempt_at - timezone.now())
        assert drain() == 0, "the first message failed again; the second still waits"
        head.refresh_from_db()
        assert (head.status, head.attempts) == ("pending", 2)
        assert head.last_error.startswith("HTTP 500")
        second = NationalMessage.objects.get(dossier=first, event_seq__gt=1)
        assert (second.status, second.attempts) == ("pending", 0)
        portal.failing_dossiers.clear()
        assert drain() == 0, "retried before its back-off"
        clock.shift(head.next_attempt_at - timezone.now())
        assert drain() == 2
    assert [e["TrangThaiHoSo"] for e in portal.taken(first.code)] == ["1", "2"]
    assert portal.out_of_order == portal.duplicates == []


def test_back_off_doubles_up_to_an_hour():
    from datetime import timedelta

    from dichvucong.national.sending import retry_delay

    delays = [retry_delay(attempts) for attempts in range(1, 10)]
    assert delays[:4] == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert delays[-1] == timedelta(hours=1)
    assert delays == sorted(delays)
