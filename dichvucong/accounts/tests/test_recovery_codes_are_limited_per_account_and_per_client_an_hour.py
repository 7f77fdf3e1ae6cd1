"""SMS cost money and codes can be guessed: an account gets at most three
codes an hour, silently (the page must not tell that the account exists),
and one client may ask at most twenty times an hour, which it is told."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from dichvucong.accounts import recovery
from dichvucong.accounts.tests.recovery_steps import (
    CODE_PAGE,
    NEUTRAL,
    PARENT_ID,
    PARENT_PHONE,
    RESEND,
    ask_for_code,
    enter_code,
    register_parent,
    text,
)
from dichvucong.outreach.tests.helpers_tests.sms import last_code

TOO_MANY = "Đã yêu cầu quá nhiều mã từ máy này trong một giờ."


def test_an_account_gets_three_codes_an_hour(client, units, sent_sms, time_machine) -> None:
    register_parent(units)
    time_machine.move_to(timezone.now(), tick=False)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    client.post(RESEND)
    ask_for_code(Client(), PARENT_ID, PARENT_PHONE)
    assert len(sent_sms) == recovery.CODES_PER_ACCOUNT_PER_HOUR == 3

    fourth = client.post(RESEND, follow=True)
    assert "mã mới đã được gửi" in text(fourth)
    assert len(sent_sms) == 3
    # Over the limit this browser holds a decoy, as if nothing had matched.
    assert "Mã không đúng." in text(enter_code(client, last_code(sent_sms)))

    time_machine.shift(timedelta(minutes=61))
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    assert len(sent_sms) == 4
    assert enter_code(client, last_code(sent_sms)).status_code == 302


def test_a_client_asking_too_often_is_told_to_wait(client, units, sent_sms, settings) -> None:
    register_parent(units)
    for number in range(settings.CODE_SENDS_PER_ADDRESS):
        ask_for_code(client, f"0011850{number:05d}", PARENT_PHONE)
    refused = ask_for_code(client, PARENT_ID, PARENT_PHONE)
    assert refused.status_code == 429
    assert TOO_MANY in text(refused)
    assert "Vui lòng thử lại sau" in text(refused)
    assert int(refused["Retry-After"]) > 0
    assert sent_sms == []

    resend = client.post(RESEND)
    assert resend.status_code == 429
    assert "Vui lòng thử lại sau" in text(resend)
    assert sent_sms == []

    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    assert ask_for_code(elsewhere, PARENT_ID, PARENT_PHONE)["Location"] == CODE_PAGE
    assert NEUTRAL in text(elsewhere.get(CODE_PAGE))
    assert len(sent_sms) == 1
