"""After the commit the change is done: if the broker cannot take the task,
the user still sees the change succeed, and the drain sends the message."""

from __future__ import annotations

from kombu.exceptions import OperationalError

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications import tasks
from dichvucong.notifications.constants import MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.notifications.sending import drain_outbox


def test_a_broker_outage_leaves_the_change_done_and_the_message_for_the_drain(
    cast, django_capture_on_commit_callbacks, mailoutbox, monkeypatch, caplog
):
    def broker_down(*args: object) -> None:
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    dossier = make_dossier(cast)
    with monkeypatch.context() as patch:
        patch.setattr(tasks.send_message_task, "delay", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            lifecycle.accept(dossier, cast.receptionist_a)
    dossier.refresh_from_db()
    assert dossier.status == Status.ACCEPTED
    assert mailoutbox == []
    assert "not queued (OperationalError)" in caplog.text
    assert drain_outbox() == 4  # the submission's two and the acceptance's two
    assert len(mailoutbox) == 2
    assert not OutboxMessage.objects.exclude(status=MessageStatus.SENT).exists()
