"""A code is good for 10 minutes: at nine it works, after ten it is refused
and the password stays."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from dichvucong.accounts.tests.recovery_steps import (
    NEW_PASSWORD,
    OLD_PASSWORD,
    PARENT_ID,
    PARENT_PHONE,
    ask_for_code,
    enter_code,
    logs_in,
    register_parent,
    text,
)
from dichvucong.outreach.tests.helpers_tests.sms import last_code


def test_a_code_typed_after_ten_minutes_is_refused(client, units, sent_sms, time_machine) -> None:
    register_parent(units)
    time_machine.move_to(timezone.now(), tick=False)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    time_machine.shift(timedelta(minutes=10, seconds=1))
    page = text(enter_code(client, last_code(sent_sms)))
    assert "Mã đã hết hạn. Vui lòng yêu cầu mã mới." in page
    assert logs_in(PARENT_ID, OLD_PASSWORD)


def test_a_code_typed_at_nine_minutes_works(client, units, sent_sms, time_machine) -> None:
    register_parent(units)
    time_machine.move_to(timezone.now(), tick=False)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    time_machine.shift(timedelta(minutes=9))
    assert enter_code(client, last_code(sent_sms)).status_code == 302
    assert logs_in(PARENT_ID, NEW_PASSWORD)
