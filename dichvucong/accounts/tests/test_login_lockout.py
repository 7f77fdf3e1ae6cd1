from __future__ import annotations

import hmac
import logging
from datetime import datetime, timedelta
from hashlib import sha256
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse

from dichvucong.accounts import services
from dichvucong.accounts.models import LoginFailure
from dichvucong.accounts.tests.conftest import CITIZEN_ID, PASSWORD

LOGIN = reverse("accounts:login")
LOCKED = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 60 phút."
START = datetime(2025, 6, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def frozen(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(START, tick=False)
    return time_machine


def attempt(client, password: str, username: str = CITIZEN_ID) -> str:  # type: ignore[no-untyped-def]
    response = client.post(LOGIN, {"username": username, "password": password})
    return response.content.decode() if response.status_code == 200 else "logged in"


def test_the_tenth_failure_locks_the_account(client, citizen, frozen):
    for _ in range(9):
        assert LOCKED not in attempt(client, "sai-mat-khau")
    assert LOCKED in attempt(client, "sai-mat-khau")


def test_a_locked_account_refuses_even_the_right_password(client, citizen, frozen):
    for _ in range(10):
        attempt(client, "sai-mat-khau")
    frozen.shift(timedelta(minutes=59))
    assert LOCKED in attempt(client, PASSWORD)
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_an_hour_after_the_failures(client, citizen, frozen):
    for _ in range(10):
        attempt(client, "sai-mat-khau")
    frozen.shift(timedelta(hours=1, seconds=1))
    assert attempt(client, PASSWORD) == "logged in"


def test_attempts_while_locked_do_not_extend_the_lock(client, citizen, frozen):
    for _ in range(10):
        attempt(client, "sai-mat-khau")
    frozen.shift(timedelta(minutes=30))
    for _ in range(10):
        attempt(client, "sai-mat-khau")
    frozen.shift(timedelta(minutes=30, seconds=1))
    assert attempt(client, PASSWORD) == "logged in"


def test_failures_spread_over_more_than_an_hour_do_not_lock(client, citizen, frozen):
    for _ in range(9):
        attempt(client, "sai-mat-khau")
    frozen.shift(timedelta(hours=1, seconds=1))
    assert LOCKED not in attempt(client, "sai-mat-khau")
    assert attempt(client, PASSWORD) == "logged in"


def test_a_successful_login_clears_the_failures(client, citizen, frozen):
    for _ in range(9):
        attempt(client, "sai-mat-khau")
    assert attempt(client, PASSWORD) == "logged in"
    client.logout()
    for _ in range(9):
        attempt(client, "sai-mat-khau")
    assert attempt(client, PASSWORD) == "logged in"


def test_the_lock_holds_however_the_number_is_typed(client, citizen, frozen):
    for _ in range(10):
        attempt(client, "sai-mat-khau", username="001 085 012 345")
    assert LOCKED in attempt(client, PASSWORD, username=CITIZEN_ID)


def test_one_locked_account_does_not_lock_another(client, citizen, organisation, frozen):
    for _ in range(10):
        attempt(client, "sai-mat-khau")
    assert attempt(client, PASSWORD, username=organisation.username) == "logged in"


def test_failures_are_stored_as_a_keyed_hash_not_the_login_name(citizen, frozen):
    services.record_login_failure(CITIZEN_ID)
    row = LoginFailure.objects.get()
    expected = hmac.new(settings.SECRET_KEY.encode(), CITIZEN_ID.encode(), sha256).hexdigest()
    assert row.account_key == expected
    assert CITIZEN_ID not in row.account_key


def test_old_failures_are_pruned(db, frozen):
    services.record_login_failure("somebody")
    frozen.shift(timedelta(hours=2, seconds=1))
    services.record_login_failure("somebody-else")
    assert LoginFailure.objects.count() == 1


def test_login_names_never_reach_the_log(client, citizen, frozen, caplog):
    caplog.set_level(logging.DEBUG)
    for _ in range(11):
        attempt(client, "sai-mat-khau")
    assert "locked" in caplog.text.lower()
    assert CITIZEN_ID not in caplog.text


def test_the_admin_login_honours_the_same_lock(client, officer, frozen):
    officer.is_staff = True
    officer.save()
    admin_login = reverse("admin:login")
    for _ in range(10):
        client.post(admin_login, {"username": officer.username, "password": "sai"})
    response = client.post(admin_login, {"username": officer.username, "password": PASSWORD})
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lock_end_counts_the_window_from_the_failure_that_locked():
    window = timedelta(hours=1)
    failures = [
        START + timedelta(minutes=minute) for minute in (0, 50, 51, 52, 53, 54, 55, 56, 57, 58)
    ]
    assert services.lock_end(failures, START + timedelta(minutes=59), 10, window) == (
        START + timedelta(minutes=118)
    )
    assert services.lock_end(failures[:9], START + timedelta(minutes=59), 10, window) is None
