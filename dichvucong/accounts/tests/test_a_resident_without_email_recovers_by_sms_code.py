"""A parent who registered with a phone and no e-mail gets a code by SMS,
sets a new password and logs in with it; the old password and her other
sessions stop working, and a login lock is lifted. An organisation does
the same with its tax code."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from dichvucong.accounts.tests.conftest import PASSWORD, TAX_CODE
from dichvucong.accounts.tests.login_steps import attempt, fail
from dichvucong.accounts.tests.recovery_steps import (
    CODE_PAGE,
    LOGIN,
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

PROFILE = reverse("accounts:profile")


def test_a_phone_only_citizen_recovers_and_logs_in_with_the_new_password(
    client, units, sent_sms
) -> None:
    parent = register_parent(units)
    assert parent.email == ""
    on_her_old_phone = Client()
    on_her_old_phone.force_login(parent)
    # She forgot it and tried too often from this phone: locked here.
    fail(client, PARENT_ID, "127.0.0.1", 10)
    assert attempt(client, PARENT_ID, OLD_PASSWORD, "127.0.0.1").status_code == 429

    asked = ask_for_code(client, "0011 8506 7890", "0987 111 222")
    assert asked.status_code == 302 and asked["Location"] == CODE_PAGE
    [(phone, _body)] = sent_sms
    assert phone == PARENT_PHONE
    session_before = client.session.session_key

    done = enter_code(client, last_code(sent_sms), follow=True)
    assert done.redirect_chain == [(LOGIN, 302)]
    assert "Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu mới." in text(done)
    assert client.session.session_key != session_before

    assert attempt(client, PARENT_ID, NEW_PASSWORD, "127.0.0.1").status_code == 302
    client.logout()
    assert logs_in(PARENT_ID, NEW_PASSWORD)
    assert not logs_in(PARENT_ID, OLD_PASSWORD)
    # Her other session ended: it holds a hash of the old password.
    assert on_her_old_phone.get(PROFILE)["Location"].startswith(LOGIN)


def test_an_organisation_recovers_with_its_tax_code(client, organisation, sent_sms) -> None:
    ask_for_code(client, TAX_CODE, "0987654321")
    assert [phone for phone, _body in sent_sms] == ["0987654321"]
    enter_code(client, last_code(sent_sms))
    assert logs_in(TAX_CODE, NEW_PASSWORD)
    assert not logs_in(TAX_CODE, PASSWORD)


def test_a_mismatched_password_pair_keeps_the_code_usable(client, units, sent_sms) -> None:
    register_parent(units)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    code = last_code(sent_sms)
    data = {"code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"}
    page = text(client.post(CODE_PAGE, data))
    assert "Hai lần nhập mật khẩu không giống nhau." in page
    weak = text(enter_code(client, code, password="12345678"))
    assert "Mật khẩu này hoàn toàn là số." in weak
    assert enter_code(client, code)["Location"] == LOGIN
    assert logs_in(PARENT_ID, NEW_PASSWORD)
