"""Each wrong code counts; the fifth kills the code, so that even the
right one is refused afterwards and the password stays. A new code works.
A code that is not six digits is explained and not counted."""

from __future__ import annotations

from dichvucong.accounts.models import PasswordRecovery
from dichvucong.accounts.tests.recovery_steps import (
    NEW_PASSWORD,
    OLD_PASSWORD,
    PARENT_ID,
    PARENT_PHONE,
    RESEND,
    ask_for_code,
    enter_code,
    logs_in,
    register_parent,
    text,
    wrong,
)
from dichvucong.outreach.tests.helpers_tests.sms import last_code


def test_five_wrong_codes_kill_the_code(client, units, sent_sms) -> None:
    register_parent(units)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    code = last_code(sent_sms)
    for left in (4, 3, 2, 1):
        page = text(enter_code(client, wrong(code)))
        assert f"Mã không đúng. Bạn còn {left} lần thử." in page
    assert "Đã nhập sai mã 5 lần. Vui lòng yêu cầu mã mới." in text(enter_code(client, wrong(code)))
    assert "Đã nhập sai mã 5 lần." in text(enter_code(client, code))
    assert logs_in(PARENT_ID, OLD_PASSWORD)

    client.post(RESEND)
    assert enter_code(client, last_code(sent_sms)).status_code == 302
    assert logs_in(PARENT_ID, NEW_PASSWORD)


def test_a_code_that_is_not_six_digits_is_explained_and_not_counted(
    client, units, sent_sms
) -> None:
    register_parent(units)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    page = text(enter_code(client, "12ab5"))
    assert "Mã xác nhận gồm 6 chữ số, có trong tin nhắn." in page
    assert PasswordRecovery.objects.get(user__username=PARENT_ID).attempts == 0
