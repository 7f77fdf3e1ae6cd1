from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from dichvucong.accounts.middleware import LAST_SEEN
from dichvucong.accounts.testing import login_verified

PROFILE = reverse("accounts:profile")
EXPIRED = "Phiên làm việc đã hết hạn, vui lòng đăng nhập lại."
START = datetime(2025, 6, 2, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def frozen(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(START, tick=False)
    return time_machine


def assert_sent_to_login_with_message(client, response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert EXPIRED in page.content.decode()


def test_an_officer_idle_for_30_minutes_is_logged_out(client, officer, frozen):
    login_verified(client, officer)
    frozen.shift(timedelta(minutes=29))
    assert client.get(PROFILE).status_code == 200
    frozen.shift(timedelta(minutes=29))
    assert client.get(PROFILE).status_code == 200
    frozen.shift(timedelta(minutes=30))
    assert_sent_to_login_with_message(client, client.get(PROFILE))


def test_the_redirect_brings_the_officer_back_to_the_page_after_login(client, officer, frozen):
    login_verified(client, officer)
    frozen.shift(timedelta(minutes=31))
    response = client.get(PROFILE)
    assert response["Location"] == f"{reverse('accounts:login')}?next={PROFILE}"


def test_an_admin_site_user_counts_as_an_officer(client, citizen, frozen):
    citizen.is_staff = True
    citizen.save()
    client.force_login(citizen)
    frozen.shift(timedelta(minutes=31))
    assert_sent_to_login_with_message(client, client.get(PROFILE))


def test_a_citizen_is_not_logged_out_for_being_idle(client, citizen, frozen):
    client.force_login(citizen)
    frozen.shift(timedelta(hours=2))
    assert client.get(PROFILE).status_code == 200


def test_every_session_ends_12_hours_after_login(client, citizen, frozen):
    client.force_login(citizen)
    frozen.shift(timedelta(hours=6))
    assert client.get(PROFILE).status_code == 200
    frozen.shift(timedelta(hours=5, minutes=59))
    assert client.get(PROFILE).status_code == 200
    frozen.shift(timedelta(minutes=1))
    assert_sent_to_login_with_message(client, client.get(PROFILE))


def test_a_busy_officer_is_still_logged_out_after_12_hours(client, officer, frozen):
    login_verified(client, officer)
    for _ in range(47):
        frozen.shift(timedelta(minutes=15))
        assert client.get(PROFILE).status_code == 200
    frozen.shift(timedelta(minutes=15))
    assert_sent_to_login_with_message(client, client.get(PROFILE))


def test_logging_in_again_starts_a_new_12_hours(client, citizen, frozen):
    from dichvucong.accounts.tests.conftest import PASSWORD

    client.force_login(citizen)
    frozen.shift(timedelta(hours=11))
    client.logout()
    client.post(reverse("accounts:login"), {"username": citizen.username, "password": PASSWORD})
    frozen.shift(timedelta(hours=11))
    assert client.get(PROFILE).status_code == 200


def test_activity_is_written_to_the_session_at_most_once_a_minute(client, officer, frozen):
    login_verified(client, officer)
    stamped = client.session[LAST_SEEN]
    frozen.shift(timedelta(seconds=59))
    client.get(PROFILE)
    assert client.session[LAST_SEEN] == stamped
    frozen.shift(timedelta(seconds=1))
    client.get(PROFILE)
    assert client.session[LAST_SEEN] == stamped + 60
