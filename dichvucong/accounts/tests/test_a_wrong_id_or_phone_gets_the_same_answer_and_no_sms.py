"""Whatever was typed, the answer reads the same and so do the answers to
wrong codes and to "Gửi mã mới": nobody can probe who has an account. Only
a matching ID number and phone get an SMS."""

from __future__ import annotations

from django.test import Client

from dichvucong.accounts.tests.conftest import CITIZEN_ID, TAX_CODE
from dichvucong.accounts.tests.recovery_steps import (
    CODE_PAGE,
    NEUTRAL,
    RESEND,
    ask_for_code,
    enter_code,
    page_without_tokens,
    text,
    wrong,
)
from dichvucong.outreach.tests.helpers_tests.sms import last_code

RIGHT = (CITIZEN_ID, "0912345678")
TRIED = {
    "right ID, another phone": (CITIZEN_ID, "0912345679"),
    "an ID without account": ("001090099999", "0912345678"),
    "a tax code, another phone": (TAX_CODE, "0912345678"),
}


def journey(login_number: str, phone: str, code: str) -> list[str]:
    """Every page a visitor sees: the answer, a wrong code, a resend."""
    visitor = Client()
    asked = ask_for_code(visitor, login_number, phone)
    assert asked.status_code == 302 and asked["Location"] == CODE_PAGE
    pages = [visitor.get(CODE_PAGE)]
    pages.append(enter_code(visitor, code))
    pages.append(visitor.post(RESEND, follow=True))
    pages.append(enter_code(visitor, code))
    return [page_without_tokens(page) for page in pages]


def test_a_wrong_id_or_phone_gets_the_same_pages_and_no_sms(citizen, organisation, sent_sms):
    ask_for_code(Client(), *RIGHT)
    not_the_code = wrong(last_code(sent_sms))
    sent_sms.clear()

    right_pages = journey(*RIGHT, not_the_code)
    assert len(sent_sms) == 2  # the answer and the resend
    assert NEUTRAL in right_pages[0]
    assert "Mã không đúng. Bạn còn 4 lần thử." in right_pages[1]
    assert "mã mới đã được gửi" in right_pages[2]
    sent_sms.clear()

    for what, (login_number, phone) in TRIED.items():
        assert journey(login_number, phone, not_the_code) == right_pages, what
    assert sent_sms == []


def test_the_answer_page_does_not_show_the_phone(client, citizen, sent_sms) -> None:
    ask_for_code(client, *RIGHT)
    page = text(client.get(CODE_PAGE))
    assert "0912345678" not in page and "678" not in page
    assert CITIZEN_ID not in page


def test_the_code_page_without_a_pending_recovery_sends_back_to_the_start(client, db) -> None:
    response = client.get(CODE_PAGE)
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/quen-mat-khau/"
