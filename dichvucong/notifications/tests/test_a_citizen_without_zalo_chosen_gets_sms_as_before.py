from __future__ import annotations

import logging

from dichvucong.accounts.models import CitizenProfile
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.notifications.sending import send_message


def test_zalo_configured_but_not_chosen_means_sms(cast, zalo, caplog):
    caplog.set_level(logging.INFO)
    dossier = make_dossier(cast)
    [message] = OutboxMessage.objects.filter(dossier=dossier).exclude(channel=Channel.EMAIL)
    assert message.channel == Channel.SMS
    assert send_message(message.pk) is True
    message.refresh_from_db()
    assert (message.status, message.delivered_by) == (MessageStatus.SENT, Channel.SMS)
    assert zalo.sent == [] and zalo.refreshes == []
    assert "SMS to 09xx***678" in caplog.text


def test_a_choice_of_zalo_is_ignored_while_zalo_is_not_configured(cast, settings):
    assert not settings.ZALO_APP_ID
    CitizenProfile.objects.filter(user=cast.applicant).update(notify_by_zalo=True)
    dossier = make_dossier(cast)
    channels = set(OutboxMessage.objects.filter(dossier=dossier).values_list("channel", flat=True))
    assert channels == {Channel.EMAIL, Channel.SMS}
