"""A code is good for 10 minutes: typed later it is refused with a clear
message and nothing is submitted."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone

from dichvucong.dossiers.constants import Status
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    helper_url,
    ready_draft,
    send_code_on_page,
    text,
)


def test_an_expired_code_is_refused(hc, client, sent_sms) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    sent_at = timezone.now()
    with time_machine.travel(sent_at, tick=False):
        send_code_on_page(client, dossier)
    code = last_code(sent_sms)
    with time_machine.travel(sent_at + timedelta(minutes=10, seconds=1), tick=False):
        page = text(client.post(helper_url("assisted_code", dossier), {"code": code}))
    assert "Mã đã hết hạn. Vui lòng gửi mã mới." in page
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT and dossier.code is None


def test_a_code_still_valid_at_nine_minutes_is_accepted(hc, client, sent_sms) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    sent_at = timezone.now()
    with time_machine.travel(sent_at, tick=False):
        send_code_on_page(client, dossier)
    with time_machine.travel(sent_at + timedelta(minutes=9), tick=False):
        client.post(helper_url("assisted_code", dossier), {"code": last_code(sent_sms)})
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
