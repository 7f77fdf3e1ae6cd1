"""The demo's loader replays years of events through the real lifecycle
with the outbox receivers paused (demo/activity.py): not one of them may
reach the portal, and the receivers are back afterwards."""

from __future__ import annotations

from datetime import timedelta

from dichvucong.demo.activity import _paused_receivers
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.national.models import NationalMessage


def test_paused_while_loading_then_listening_again(cast, portal):
    with _paused_receivers():
        dossier = make_dossier(cast, Status.PROCESSING)
        new_date = dossier.due_date + timedelta(days=7)
        while new_date.weekday() >= 5:
            new_date += timedelta(days=1)
        lifecycle.apologise(dossier, cast.leader_a, new_date, "Cần xác minh thêm")
    assert not NationalMessage.objects.exists()
    lifecycle.stop(dossier, cast.leader_a, "Không đủ điều kiện")
    assert list(NationalMessage.objects.values_list("kind", flat=True)) == ["stopped"]
