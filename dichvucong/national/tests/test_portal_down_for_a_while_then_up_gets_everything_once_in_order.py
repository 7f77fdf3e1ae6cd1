"""The portal is down for a while (503s, then not even listening), while
dossiers move on. Drains keep failing without losing or reordering
anything, each run stopping at the first failure; when the portal is back
every event arrives once, each dossier's in the order of its events."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.national.models import NationalMessage
from dichvucong.national.sending import drain


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_outage_delays_but_neither_loses_nor_reorders(cast, portal, settings):
    live_url = settings.DVCQG_URL
    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        portal.down = True
        returned = make_dossier(cast, Status.RETURNED)
        refused = make_dossier(cast, Status.REFUSED)
        for _ in range(5):
            assert drain() == 0
            clock.shift(timedelta(minutes=10))
        settings.DVCQG_URL = f"http://127.0.0.1:{_closed_port()}/api/dongbo"
        portal.down = False
        lifecycle.withdraw(make_dossier(cast), cast.applicant, "Nộp nhầm")
        for _ in range(3):
            assert drain() == 0
            clock.shift(timedelta(minutes=30))
        failing = NationalMessage.objects.filter(attempts__gt=0)
        assert {row.status for row in failing} == {"pending"}
        assert any(row.last_error.startswith("URLError") for row in failing)
        assert all(row.attempts == 0 for row in NationalMessage.objects.filter(event_seq__gt=1)), (
            "only heads are tried"
        )
        settings.DVCQG_URL = live_url
        clock.shift(timedelta(hours=1))
        assert drain() == NationalMessage.objects.count() == 5 + 2 + 2
    assert [e["TrangThaiHoSo"] for e in portal.taken(returned.code)] == ["1", "2", "4", "9", "10"]
    assert [e["TrangThaiHoSo"] for e in portal.taken(refused.code)] == ["1", "3"]
    assert len(portal.accepted) == 9
    assert portal.duplicates == portal.out_of_order == portal.bad_updates == []
    assert set(NationalMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_error_answers_are_retried_and_an_expired_session_renewed(cast, portal):
    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        dossier = make_dossier(cast, Status.ACCEPTED)
        portal.fail_next = 1
        assert drain() == 0
        row = NationalMessage.objects.get(dossier=dossier, event_seq=1)
        assert (row.attempts, row.last_error) == (1, "HTTP 500: Internal Server Error")
        clock.shift(timedelta(seconds=30))
        assert drain() == 2
        lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
        portal.expire_sessions()
        assert drain() == 1, "the session is renewed within the attempt"
    assert [e["TrangThaiHoSo"] for e in portal.taken(dossier.code)] == ["1", "2", "4"]
    assert NationalMessage.objects.get(dossier=dossier, event_seq=3).attempts == 1


def test_wrong_credentials_keep_messages_waiting(cast, portal, settings):
    settings.DVCQG_PASSWORD = "wrong"
    dossier = make_dossier(cast)
    assert drain() == 0
    row = NationalMessage.objects.get(dossier=dossier)
    assert row.status == "pending"
    assert "đăng nhập Cổng DVCQG bị từ chối" in row.last_error
    assert "wrong" not in row.last_error
