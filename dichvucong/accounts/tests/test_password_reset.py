from __future__ import annotations

import re

from django.urls import reverse

from dichvucong.accounts.tests.conftest import CITIZEN_ID
from dichvucong.accounts.tests.login_steps import attempt, fail

RESET = reverse("accounts:password_reset")
NEW_PASSWORD = "Sen-hồng-mới-2026"


def reset_link(mail) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"https?://testserver(/tai-khoan/quen-mat-khau/\S+/)", mail.body)
    assert match, mail.body
    return match.group(1)


def test_asking_for_a_reset_sends_a_vietnamese_email_with_a_link(client, citizen, mailoutbox):
    response = client.post(RESET, {"email": "an@example.vn"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["an@example.vn"]
    assert mail.subject == "Đặt lại mật khẩu – Dịch vụ công trực tuyến quận Thanh Xuân"
    assert "Xin chào Nguyễn Văn An" in mail.body
    assert f"Tên đăng nhập của bạn: {CITIZEN_ID}" in mail.body
    assert reset_link(mail)


def test_an_unknown_email_sends_nothing_but_looks_the_same(client, citizen, mailoutbox):
    response = client.post(RESET, {"email": "nobody@example.vn"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_the_link_sets_a_new_password_and_lifts_a_lock(client, citizen, mailoutbox):
    fail(client, CITIZEN_ID, "127.0.0.1", 10)
    assert attempt(client, CITIZEN_ID, "x", "127.0.0.1").status_code == 429
    client.post(RESET, {"email": "an@example.vn"})
    form_page = client.get(reset_link(mailoutbox[0]), follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    citizen.refresh_from_db()
    assert citizen.check_password(NEW_PASSWORD)
    assert attempt(client, CITIZEN_ID, NEW_PASSWORD, "127.0.0.1").status_code == 302


def test_a_used_link_says_so(client, citizen, mailoutbox):
    client.post(RESET, {"email": "an@example.vn"})
    link = reset_link(mailoutbox[0])
    page = client.get(link, follow=True)
    client.post(
        page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    again = client.get(link, follow=True)
    assert "Đường dẫn này đã dùng rồi hoặc đã hết hạn." in again.content.decode()
