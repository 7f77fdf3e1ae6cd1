from __future__ import annotations

from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.signals import status_changed
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.models import OutboxMessage


def test_the_same_event_signalled_twice_writes_its_messages_once(cast):
    dossier = make_dossier(cast)
    event = dossier.events.latest("seq")
    keys = set(OutboxMessage.objects.values_list("dedupe_key", flat=True))
    assert keys == {f"{event.pk}:email:applicant", f"{event.pk}:sms:applicant"}
    status_changed.send(sender=Dossier, dossier=dossier, event=event)
    assert set(OutboxMessage.objects.values_list("dedupe_key", flat=True)) == keys
