"""A wrong code says how many tries are left, five kill it, an expired one
is refused, a password-recovery code confirms nothing: each time the
account stays self-declared."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import User
from dichvucong.accounts.tests.identity_steps import (
    MOTHER_ID,
    MOTHER_PHONE,
    code_on_phone,
    confirm,
    level_of,
    register,
    wrong,
)
from dichvucong.accounts.tests.recovery_steps import ask_for_code


def mother() -> User:
    return User.objects.get(username=MOTHER_ID)


def test_a_wrong_code_says_how_many_tries_are_left(client, units, sent_sms):
    register(client, units["ward_a"], units["group_a1"])
    code = code_on_phone(sent_sms, MOTHER_PHONE)
    page = confirm(client, wrong(code)).content.decode()
    assert "Mã không đúng. Bạn còn 4 lần thử." in page
    assert level_of(mother()) == AssuranceLevel.SELF_DECLARED


def test_five_wrong_codes_kill_the_code(client, units, sent_sms):
    register(client, units["ward_a"], units["group_a1"])
    code = code_on_phone(sent_sms, MOTHER_PHONE)
    for _ in range(5):
        confirm(client, wrong(code))
    page = confirm(client, code).content.decode()
    assert "Đã nhập sai mã 5 lần. Vui lòng yêu cầu mã mới." in page
    assert level_of(mother()) == AssuranceLevel.SELF_DECLARED


def test_a_code_typed_after_ten_minutes_is_refused(client, units, sent_sms, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    register(client, units["ward_a"], units["group_a1"])
    time_machine.shift(timedelta(minutes=10, seconds=1))
    page = confirm(client, code_on_phone(sent_sms, MOTHER_PHONE)).content.decode()
    assert "Mã đã hết hạn. Vui lòng yêu cầu mã mới." in page
    assert level_of(mother()) == AssuranceLevel.SELF_DECLARED


def test_a_password_recovery_code_does_not_confirm_the_phone(client, units, sent_sms):
    register(client, units["ward_a"], units["group_a1"])
    confirmation = code_on_phone(sent_sms, MOTHER_PHONE)
    ask_for_code(client, MOTHER_ID, MOTHER_PHONE)
    recovery = code_on_phone(sent_sms, MOTHER_PHONE)
    if recovery != confirmation:
        assert "Mã không đúng" in confirm(client, recovery).content.decode()
        assert level_of(mother()) == AssuranceLevel.SELF_DECLARED
    # Asking for a recovery code did not kill the confirmation code.
    confirm(client, confirmation)
    assert level_of(mother()) == AssuranceLevel.PHONE_CONFIRMED


def test_a_used_code_cannot_be_used_again_nor_lower_a_higher_level(client, units, sent_sms):
    register(client, units["ward_a"], units["group_a1"])
    code = code_on_phone(sent_sms, MOTHER_PHONE)
    confirm(client, code)
    User.objects.get(username=MOTHER_ID).citizen.__class__.objects.filter(
        id_number=MOTHER_ID
    ).update(assurance=AssuranceLevel.COUNTER_VERIFIED)
    response = confirm(client, code, follow=True)
    assert "đã được xác nhận" in response.content.decode()
    assert level_of(mother()) == AssuranceLevel.COUNTER_VERIFIED
