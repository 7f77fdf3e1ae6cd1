"""Failed log-ins are limited per (account, address) pair, per address
across accounts, and per account across addresses (dichvucong/throttle)."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse

from dichvucong.accounts.tests.conftest import CITIZEN_ID, PASSWORD
from dichvucong.accounts.tests.login_steps import ATTACKER, CLERK_DESK, attempt, fail, logged_in

START = datetime(2025, 6, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def frozen(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(START, tick=False)
    return time_machine


def test_the_tenth_failure_refuses_that_address_with_429_saying_when(client, citizen, frozen):
    fail(client, CITIZEN_ID, ATTACKER, 9)
    assert attempt(client, CITIZEN_ID, "sai", ATTACKER).status_code == 200
    refused = attempt(client, CITIZEN_ID, PASSWORD, ATTACKER)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    text = refused.content.decode()
    assert "Vui lòng thử lại sau 10:00 (khoảng 60 phút nữa)." in text
    assert not logged_in(client)


def test_the_same_account_still_logs_in_from_another_address(client, citizen, frozen):
    fail(client, CITIZEN_ID, ATTACKER, 12)
    assert attempt(client, CITIZEN_ID, PASSWORD, CLERK_DESK).status_code == 302
    assert logged_in(client)


def test_the_lock_lifts_a_window_after_the_failure_that_set_it(client, citizen, frozen):
    fail(client, CITIZEN_ID, ATTACKER, 10)
    frozen.shift(timedelta(minutes=30))
    fail(client, CITIZEN_ID, ATTACKER, 10)  # refused, not counted: the lock is not prolonged
    assert attempt(client, CITIZEN_ID, PASSWORD, ATTACKER).status_code == 429
    frozen.shift(timedelta(minutes=30, seconds=1))
    assert attempt(client, CITIZEN_ID, PASSWORD, ATTACKER).status_code == 302


def test_failures_spread_over_more_than_a_window_do_not_lock(client, citizen, frozen):
    fail(client, CITIZEN_ID, ATTACKER, 9)
    frozen.shift(timedelta(hours=1, seconds=1))
    fail(client, CITIZEN_ID, ATTACKER, 1)
    assert attempt(client, CITIZEN_ID, PASSWORD, ATTACKER).status_code == 302


def test_a_successful_login_clears_its_own_pair(client, citizen, frozen):
    fail(client, CITIZEN_ID, CLERK_DESK, 9)
    assert attempt(client, CITIZEN_ID, PASSWORD, CLERK_DESK).status_code == 302
    client.logout()
    fail(client, CITIZEN_ID, CLERK_DESK, 9)
    assert attempt(client, CITIZEN_ID, PASSWORD, CLERK_DESK).status_code == 302


def test_the_lock_holds_however_the_number_is_typed(client, citizen, frozen):
    fail(client, "001 085 012 345", ATTACKER, 10)
    assert attempt(client, CITIZEN_ID, PASSWORD, ATTACKER).status_code == 429


def test_one_locked_account_does_not_lock_another(client, citizen, organisation, frozen):
    fail(client, CITIZEN_ID, ATTACKER, 10)
    assert attempt(client, organisation.username, PASSWORD, ATTACKER).status_code == 302


def test_an_address_failing_on_many_names_is_refused_for_all(client, citizen, settings, frozen):
    settings.LOGIN_ADDRESS_MAX_FAILURES = 12
    for name in ("canbo.a", "canbo.b", "canbo.c"):
        fail(client, name, ATTACKER, 4)
    assert attempt(client, CITIZEN_ID, PASSWORD, ATTACKER).status_code == 429
    assert attempt(client, CITIZEN_ID, PASSWORD, CLERK_DESK).status_code == 302


def test_the_cache_holds_no_login_name_or_address(client, citizen, frozen):
    fail(client, CITIZEN_ID, ATTACKER, 11)
    stored = " ".join(f"{key}={value!r}" for key, value in cache._cache.items())  # type: ignore[attr-defined]
    assert re.search(r"throttle:login-pair:[0-9a-f]{32}", stored)
    for secret in (CITIZEN_ID, ATTACKER, "203.0.113"):
        assert secret not in stored


def test_login_names_never_reach_the_log(client, citizen, frozen, caplog):
    caplog.set_level(logging.DEBUG)
    fail(client, CITIZEN_ID, ATTACKER, 11)
    assert "login refused" in caplog.text.lower()
    assert CITIZEN_ID not in caplog.text


def test_the_admin_site_has_no_login_of_its_own_to_go_round_the_limits(client, db):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
