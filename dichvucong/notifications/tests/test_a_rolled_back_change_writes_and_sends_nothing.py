from __future__ import annotations

import pytest
from django.db import transaction

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.models import OutboxMessage


class RequestFailed(Exception):
    pass


def test_a_rolled_back_change_writes_and_sends_nothing(
    cast, django_capture_on_commit_callbacks, mailoutbox, caplog
):
    dossier = make_dossier(cast)
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RequestFailed), transaction.atomic():
            lifecycle.accept(dossier, cast.receptionist_a)
            assert OutboxMessage.objects.count() == len(before) + 2
            raise RequestFailed("something later in the same request failed")
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == before
    assert callbacks == []
    assert mailoutbox == []
    assert "SMS to" not in caplog.text
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
