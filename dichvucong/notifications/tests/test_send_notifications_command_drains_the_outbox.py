from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import MessageStatus
from dichvucong.notifications.models import OutboxMessage


def test_send_notifications_sends_what_is_due_once(cast, mailoutbox):
    make_dossier(cast)
    out = StringIO()
    call_command("send_notifications", stdout=out)
    call_command("send_notifications", stdout=out)
    assert out.getvalue() == "Đã gửi 2 thông báo.\nĐã gửi 0 thông báo.\n"
    assert len(mailoutbox) == 1
    assert not OutboxMessage.objects.exclude(status=MessageStatus.SENT).exists()
