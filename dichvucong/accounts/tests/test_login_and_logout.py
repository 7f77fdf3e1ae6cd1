from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.tests.conftest import PASSWORD

LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")


def logged_in_user_id(client) -> int | None:  # type: ignore[no-untyped-def]
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def test_a_citizen_logs_in_with_the_id_number_typed_in_groups(client, citizen):
    response = client.post(LOGIN, {"username": "001 085 012 345", "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in_user_id(client) == citizen.pk


def test_an_organisation_logs_in_with_the_tax_code(client, organisation):
    client.post(LOGIN, {"username": "0101234567", "password": PASSWORD})
    assert logged_in_user_id(client) == organisation.pk


def test_an_officer_logs_in_with_a_user_name(client, officer):
    client.post(LOGIN, {"username": "canbo.khuongtrung", "password": PASSWORD})
    assert logged_in_user_id(client) == officer.pk


def test_a_wrong_password_gets_a_plain_message(client, citizen):
    response = client.post(LOGIN, {"username": citizen.username, "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại." in response.content.decode()
    assert logged_in_user_id(client) is None


def test_login_goes_back_to_the_page_asked_for(client, citizen):
    response = client.post(
        LOGIN, {"username": citizen.username, "password": PASSWORD, "next": "/tai-khoan/"}
    )
    assert response["Location"] == "/tai-khoan/"


def test_logout_needs_a_post_and_ends_the_session(client, citizen):
    client.force_login(citizen)
    assert client.get(LOGOUT).status_code == 405
    assert logged_in_user_id(client) == citizen.pk
    response = client.post(LOGOUT, follow=True)
    assert logged_in_user_id(client) is None
    assert "Bạn đã đăng xuất." in response.content.decode()


def test_the_login_page_links_to_registration_and_password_reset(client, db):
    content = client.get(LOGIN).content.decode()
    # "Quên mật khẩu?" leads to the SMS recovery, which links the e-mail one.
    assert f'href="{reverse("accounts:password_recovery")}"' in content
    assert reverse("accounts:register") in content
    assert reverse("accounts:register_organisation") in content
