from __future__ import annotations

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_draft
from dichvucong.notifications.models import OutboxMessage


def test_practice_dossiers_send_nothing(cast):
    draft = make_draft(cast)
    Dossier.objects.filter(pk=draft.pk).update(is_practice=True)
    draft.refresh_from_db()
    lifecycle.submit(draft, cast.applicant)
    lifecycle.accept(draft, cast.receptionist_a)
    assert draft.events.exclude(to_status=None).count() == 2
    assert not OutboxMessage.objects.exists()
