"""The administrator confirms, the notices go through the outbox: e-mail
when the account has one, else SMS; a pupil through the guardian's
phone. Sending again writes nothing twice."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.breaches.constants import EventKind, System
from dichvucong.breaches.tests.helpers import START, incident, pupil, trail, url
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.models import OutboxMessage


def setup(cast, admin_user):  # type: ignore[no-untyped-def]
    dossier = make_dossier(cast, Status.PROCESSING)
    child = pupil(phone="0912000111")
    trail(
        reverse("backoffice:detail", args=[dossier.public_id]),
        START + timedelta(hours=1),
        cast.receptionist_a,
    )
    trail(
        reverse("outreach:class_detail", args=[child.school_class_id]),
        START + timedelta(hours=2),
        cast.leader_a,
    )
    return incident(admin_user, systems=(System.DOSSIERS, System.OUTREACH))


def test_nothing_is_sent_without_the_confirmation(client, cast, admin_user) -> None:
    item = setup(cast, admin_user)
    login_verified(client, admin_user)
    client.post(url("send_notices", item), {})
    assert not OutboxMessage.objects.filter(dedupe_key__startswith="breach:").exists()


def test_each_person_gets_one_notice_however_often_it_is_sent(client, cast, admin_user) -> None:
    item = setup(cast, admin_user)
    login_verified(client, admin_user)
    client.post(url("send_notices", item), {"confirm": "on"})
    client.post(url("send_notices", item), {"confirm": "on"})

    messages = OutboxMessage.objects.filter(dedupe_key__startswith="breach:").order_by("channel")
    assert [(m.channel, m.recipient) for m in messages] == [
        (Channel.EMAIL, cast.applicant.email),
        (Channel.SMS, "0912000111"),
    ]
    email, sms = messages
    assert "Họ tên, số định danh" in email.body and "02438581234" in email.body
    assert sms.body.isascii() and len(sms.body) <= 160
    assert "con em ban" in sms.body  # to the guardian, about their child
    sent = item.events.filter(kind=EventKind.NOTICES_SENT).order_by("pk")
    assert [event.data["written"] for event in sent] == [2, 0]
    assert [event.data["already"] for event in sent] == [0, 2]
