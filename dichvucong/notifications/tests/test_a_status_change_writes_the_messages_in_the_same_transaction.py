"""The receiver writes the outbox rows inside the transaction of the status
change, and asks for nothing to be sent before the commit."""

from __future__ import annotations

from django.db import transaction

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import MessageStatus
from dichvucong.notifications.models import OutboxMessage


def test_the_rows_exist_before_the_commit_and_wait_for_it(cast, mailoutbox, caplog):
    dossier = make_dossier(cast)
    with transaction.atomic():
        lifecycle.accept(dossier, cast.receptionist_a)
        event = dossier.events.latest("seq")
        rows = OutboxMessage.objects.filter(dedupe_key__startswith=f"{event.pk}:")
        assert {(row.channel, row.recipient) for row in rows} == {
            ("email", cast.applicant.email),
            ("sms", "0912345678"),
        }
        assert {row.status for row in rows} == {MessageStatus.PENDING}
        assert {row.dossier_id for row in rows} == {dossier.pk}
    # The test's own transaction never commits: nothing may have gone out.
    assert mailoutbox == []
    assert "SMS to" not in caplog.text


def test_each_status_change_writes_its_own_messages(cast):
    dossier = make_dossier(cast)
    lifecycle.accept(dossier, cast.receptionist_a)
    lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
    status_events = dossier.events.exclude(to_status=None).count()
    assert status_events == 3
    assert OutboxMessage.objects.filter(dossier=dossier).count() == 2 * status_events
