"""The outbox row is written in the transaction of the event: a rolled
back change leaves none, a committed one has exactly one per event. With
the portal not configured, or for a practice dossier, nothing is written."""

from __future__ import annotations

import pytest
from django.db import transaction

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier, make_draft
from dichvucong.national.models import NationalMessage
from dichvucong.national.service import write_message


def test_nothing_is_written_without_the_portal_configured(cast):
    make_dossier(cast, Status.RETURNED)
    assert not NationalMessage.objects.exists()


def test_one_row_per_tracked_event_written_before_the_commit(cast, portal):
    dossier = make_dossier(cast)
    with transaction.atomic():
        lifecycle.accept(dossier, cast.receptionist_a)
        event = dossier.events.latest("seq")
        row = NationalMessage.objects.get(event=event)
        assert (row.status, row.status_code, row.kind) == ("pending", "2", "accepted")
        assert row.message_id == f"{dossier.code}:{event.seq}"
    assert portal.accepted == [], "nothing is sent before the commit"
    # The same event seen again writes nothing more.
    assert write_message(dossier, event) is None
    assert NationalMessage.objects.filter(dossier=dossier).count() == 2


def test_untracked_events_write_nothing(cast, portal):
    dossier = make_dossier(cast, Status.PROCESSING)
    lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    kinds = list(NationalMessage.objects.order_by("event_seq").values_list("kind", flat=True))
    assert kinds == ["received", "accepted", "processing"]


def test_a_rolled_back_change_leaves_no_row(cast, portal):
    dossier = make_dossier(cast)
    with pytest.raises(RuntimeError), transaction.atomic():
        lifecycle.accept(dossier, cast.receptionist_a)
        raise RuntimeError("rolled back")
    assert NationalMessage.objects.filter(dossier=dossier).count() == 1


def test_practice_dossiers_are_never_sent(cast, portal):
    dossier = make_draft(cast)
    dossier.is_practice = True
    dossier.save()
    lifecycle.submit(dossier, cast.applicant)
    assert not NationalMessage.objects.exists()
