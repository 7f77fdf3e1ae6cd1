"""A reorganisation hands a dossier in progress to a new agency
(dossiers/reorganise.py): the applicant is told where it went and that
the deadline stays, through the same outbox; the helper, who hears only
the status, is not, since the status did not change."""

from __future__ import annotations

import pytest

from dichvucong.dossiers import reorganise
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
)
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.models import OutboxMessage


@pytest.fixture
def moved(cast, tmp_path, settings):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    add_groups_to_ward_b(cast)
    dossier = make_dossier(cast, Status.ACCEPTED)
    Dossier.objects.filter(pk=dossier.pk).update(helper=cast.other_applicant)
    reorganise_cast()
    reorganise.apply(reorganise.plan(FIRST_DAY))
    return Dossier.objects.get(pk=dossier.pk)


def test_the_applicant_is_told_the_new_agency_and_the_unchanged_due_date(moved):
    transfer = moved.events.get(kind=EventKind.TRANSFER)
    rows = {
        row.channel: row
        for row in OutboxMessage.objects.filter(dedupe_key__startswith=f"{transfer.pk}:")
    }
    assert set(rows) == {Channel.EMAIL, Channel.SMS}
    email, sms = rows[Channel.EMAIL], rows[Channel.SMS]
    assert "UBND phường Phương Liệt" in email.subject
    assert "sắp xếp đơn vị hành chính" in email.body
    assert f"{moved.due_date:%d/%m/%Y}" in email.body
    assert sms.body.startswith(f"DVC: Ho so {moved.code}: chuyen den UBND phuong Phuong Liet")
    assert f"{moved.due_date:%d/%m/%Y}" in sms.body
    assert len(sms.body) <= 160


def test_the_helper_hears_nothing_of_a_transfer(cast, moved):
    transfer = moved.events.get(kind=EventKind.TRANSFER)
    helper_rows = OutboxMessage.objects.filter(
        dedupe_key__startswith=f"{transfer.pk}:", dedupe_key__endswith=":helper"
    )
    assert not helper_rows.exists()


def test_a_second_run_writes_no_message(moved):
    before = OutboxMessage.objects.count()
    reorganise.apply(reorganise.plan(FIRST_DAY))
    assert OutboxMessage.objects.count() == before
