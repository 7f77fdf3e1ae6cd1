"""The day-before reminder follows the citizen's channel: by Zalo (ZNS,
the "appointment" template) for an account's holder who chose it, sent
through the local ZNS stand-in; by SMS for a person booked for, who chose
nothing."""

from __future__ import annotations

import pytest

from dichvucong.accounts.models import CitizenProfile
from dichvucong.appointments.tasks import remind_tomorrows_bookings_task
from dichvucong.appointments.tests.conftest import make_slot
from dichvucong.appointments.tests.helpers import TUESDAY, book_over_http
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.notifications.zalo_standin import ZaloStandIn

TEMPLATES = {
    "appointment": {
        "template_id": "240001",
        "data": {"ma_lich_hen": "code", "gio": "time", "ngay": "day", "noi_hen": "agency"},
    },
    "*": {"template_id": "231000", "data": {"ma_ho_so": "code"}},
}


@pytest.fixture
def zalo(settings):  # type: ignore[no-untyped-def]
    standin = ZaloStandIn(app_id="4291763606", secret_key="s3cr3t", refresh_token="first-rt")
    standin.start()
    settings.ZALO_APP_ID, settings.ZALO_APP_SECRET = standin.app_id, standin.secret_key
    settings.ZALO_OA_REFRESH_TOKEN = "first-rt"
    settings.ZALO_TEMPLATES = TEMPLATES
    settings.ZALO_ZNS_URL, settings.ZALO_OAUTH_URL = standin.zns_url, standin.oauth_url
    yield standin
    standin.stop()


def test_a_citizen_who_chose_zalo_is_reminded_by_zns(
    client, cast, monday, zalo, django_capture_on_commit_callbacks
):
    CitizenProfile.objects.filter(user=cast.applicant).update(notify_by_zalo=True)
    slot = make_slot(cast.agency_a, weekday=1)
    book_over_http(client, cast.applicant, slot, TUESDAY, cast.procedure)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_tomorrows_bookings_task() == 1
    message = OutboxMessage.objects.get()
    assert (message.status, message.delivered_by) == (MessageStatus.SENT, Channel.ZALO)
    [sent] = zalo.sent
    assert sent["template_id"] == "240001"
    code = message.template_fields["code"]
    assert sent["template_data"] == {
        "ma_lich_hen": code, "gio": "08:00", "ngay": "03/03/2026", "noi_hen": cast.agency_a.name,
    }


def test_a_person_booked_for_gets_an_sms_even_if_the_helper_chose_zalo(
    client, cast, monday, zalo, django_capture_on_commit_callbacks
):
    CitizenProfile.objects.filter(user=cast.applicant).update(notify_by_zalo=True)
    slot = make_slot(cast.agency_a, weekday=1)
    client.force_login(cast.applicant)
    client.post(f"/dat-lich/co-quan/{slot.agency_id}/", {
        "procedure": cast.procedure.pk, "when": f"{slot.pk}:{TUESDAY.isoformat()}",
        "visitor_name": "Lê Thị Hoa", "visitor_phone": "0987654321",
    })
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_tomorrows_bookings_task() == 1
    message = OutboxMessage.objects.get()
    assert (message.channel, message.recipient) == (Channel.SMS, "0987654321")
    assert zalo.sent == []
