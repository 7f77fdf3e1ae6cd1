"""A code sets a password once: typed again, from this browser or
another, it is refused; a new code kills the one before; of concurrent
submissions of the right code exactly one sets the password."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from dichvucong.accounts import recovery
from dichvucong.accounts.models import User
from dichvucong.accounts.tests.recovery_steps import (
    CODE_PAGE,
    NEW_PASSWORD,
    PARENT_ID,
    PARENT_PHONE,
    RECOVER,
    RESEND,
    ask_for_code,
    enter_code,
    logs_in,
    register_parent,
    text,
)
from dichvucong.outreach.tests.helpers_tests.sms import last_code

PARALLEL = 8


def test_a_used_code_is_refused(units, sent_sms) -> None:
    register_parent(units)
    token = recovery.start(PARENT_ID, PARENT_PHONE)
    code = last_code(sent_sms)
    recovery.reset_password(token, code, NEW_PASSWORD)
    with pytest.raises(recovery.RecoveryRefused) as refused:
        recovery.reset_password(token, code, "Mat-khau-khac-2027")
    assert refused.value.message.startswith("Mã này đã được dùng.")
    assert logs_in(PARENT_ID, NEW_PASSWORD)


def test_after_success_the_code_page_is_gone_and_the_old_code_is_wrong(
    client, units, sent_sms
) -> None:
    register_parent(units)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    used = last_code(sent_sms)
    enter_code(client, used)
    assert client.get(CODE_PAGE)["Location"] == RECOVER
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    page = text(enter_code(client, used, password="Mat-khau-khac-2027"))
    assert "Mã không đúng." in page
    assert logs_in(PARENT_ID, NEW_PASSWORD)


def test_a_new_code_kills_the_previous_one(client, units, sent_sms) -> None:
    register_parent(units)
    first_token = recovery.start(PARENT_ID, PARENT_PHONE)
    first = last_code(sent_sms)
    recovery.resend(first_token)
    with pytest.raises(recovery.RecoveryRefused, match="Mã đã hết hạn"):
        recovery.reset_password(first_token, first, NEW_PASSWORD)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    earlier = last_code(sent_sms)
    client.post(RESEND)
    assert "Mã không đúng." in text(enter_code(client, earlier))


def _submit_all(token: str, code: str) -> tuple[list[str], list[BaseException]]:
    barrier = threading.Barrier(PARALLEL)
    winners: list[str] = []
    errors: list[BaseException] = []

    def work(number: int) -> None:
        password = f"Mat-khau-so-{number}-2027"
        try:
            barrier.wait(timeout=30)
            recovery.reset_password(token, code, password)
            winners.append(password)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return winners, errors


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_right_codes_set_the_password_once(units, sent_sms) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    parent = register_parent(units)
    token = recovery.start(PARENT_ID, PARENT_PHONE)
    winners, errors = _submit_all(token, last_code(sent_sms))
    assert len(winners) == 1
    assert len(errors) == PARALLEL - 1
    assert all(isinstance(error, recovery.RecoveryRefused) for error in errors), errors
    assert User.objects.get(pk=parent.pk).check_password(winners[0])
