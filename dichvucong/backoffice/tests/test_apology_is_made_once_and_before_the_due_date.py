"""Slip 04: at least one day before the deadline, a later working day as
the new date, and only once."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import (
    at,
    detail_url,
    messages_of,
    post_action,
    snapshot,
)
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

TOO_LATE = "Phiếu xin lỗi phải lập trước hạn trả ít nhất một ngày."


@pytest.fixture
def dossier(cast):  # type: ignore[no-untyped-def]
    with time_machine.travel(at(2026, 3, 2), tick=False):  # Monday; due Thursday 05/03
        made = make_dossier(cast, Status.PROCESSING)
    assert made.due_date == date(2026, 3, 5)
    return made


def _apologise(client, dossier, new_date="10/03/2026"):  # type: ignore[no-untyped-def]
    return post_action(client, dossier, "apologise", {"new_date": new_date, "reason": "Chậm"})


def _offered(client, dossier) -> list[str]:  # type: ignore[no-untyped-def]
    return [action.slug for action, _form in client.get(detail_url(dossier)).context["actions"]]


def test_a_second_apology_is_refused(client, cast, dossier) -> None:
    with time_machine.travel(at(2026, 3, 3), tick=False):
        login_verified(client, cast.leader_a)
        _apologise(client, dossier)
        before = snapshot(dossier)
        assert "apologise" not in _offered(client, dossier)
        response = _apologise(client, dossier, "12/03/2026")
    assert messages_of(response)[-1] == (
        "Hồ sơ đã có phiếu xin lỗi và hẹn lại; chỉ được hẹn lại một lần."
    )
    assert snapshot(dossier) == before
    assert dossier.extended_due_date == date(2026, 3, 10)


@pytest.mark.parametrize(
    "today",
    [date(2026, 3, 5), date(2026, 3, 6), date(2026, 3, 9)],
    ids=["on-the-due-date", "the-day-after", "days-after"],
)
def test_an_apology_on_or_after_the_due_date_is_refused(client, cast, dossier, today) -> None:
    before = snapshot(dossier)
    with time_machine.travel(at(today.year, today.month, today.day), tick=False):
        login_verified(client, cast.leader_a)
        assert "apologise" not in _offered(client, dossier)
        response = _apologise(client, dossier, "20/03/2026")
    assert messages_of(response) == [TOO_LATE]
    assert snapshot(dossier) == before


@pytest.mark.parametrize(
    ("new_date", "message"),
    [
        ("05/03/2026", "Ngày hẹn mới phải sau ngày hẹn trả cũ."),
        ("07/03/2026", "Ngày hẹn mới phải là ngày làm việc."),
    ],
)
def test_the_new_date_must_be_a_later_working_day(client, cast, dossier, new_date, message) -> None:
    before = snapshot(dossier)
    with time_machine.travel(at(2026, 3, 3), tick=False):
        login_verified(client, cast.receptionist_a)
        response = _apologise(client, dossier, new_date)
    assert messages_of(response) == [message]
    assert snapshot(dossier) == before


def test_a_date_not_written_dd_mm_yyyy_is_shown_back_with_a_hint(client, cast, dossier) -> None:
    before = snapshot(dossier)
    with time_machine.travel(at(2026, 3, 3), tick=False):
        login_verified(client, cast.leader_a)
        response = _apologise(client, dossier, "2026-03-10")
    assert response.status_code == 400
    assert "Nhập ngày theo dạng ngày/tháng/năm" in response.content.decode()
    assert snapshot(dossier) == before
