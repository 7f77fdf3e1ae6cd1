"""Sắp đến hạn and Quá hạn are counted on working days, filtered in SQL so
pages stay exact, and agree with deadlines.timeliness row by row."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice import queues
from dichvucong.backoffice.tests.helpers import QUEUES_URL, at
from dichvucong.catalogue.constants import CalendarDayKind
from dichvucong.catalogue.models import CalendarDay
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.deadlines import timeliness
from dichvucong.dossiers.testing import make_dossier


@pytest.fixture
def due_thursday(cast):  # type: ignore[no-untyped-def]
    with time_machine.travel(at(2026, 3, 2), tick=False):  # Monday
        dossier = make_dossier(cast, Status.PROCESSING)
    assert dossier.due_date == date(2026, 3, 5)
    return dossier


def _tabs(client, user, day: date) -> dict[str, int]:  # type: ignore[no-untyped-def]
    # Logged in on the day itself: officers' sessions end after idle time.
    with time_machine.travel(at(day.year, day.month, day.day), tick=False):
        login_verified(client, user)
        response = client.get(QUEUES_URL)
    return {tab.value: count for tab, count in response.context["listing"].tabs}


@pytest.mark.parametrize(
    ("day", "due_soon", "overdue"),
    [
        (date(2026, 3, 3), 0, 0),  # Tuesday: two working days left
        (date(2026, 3, 4), 1, 0),  # Wednesday: one left
        (date(2026, 3, 5), 1, 0),  # Thursday: due today
        (date(2026, 3, 6), 0, 1),  # Friday: a day late
    ],
)
def test_due_soon_and_overdue_by_day(client, cast, due_thursday, day, due_soon, overdue) -> None:
    tabs = _tabs(client, cast.leader_a, day)
    assert (tabs["due-soon"], tabs["overdue"]) == (due_soon, overdue)


def test_a_monday_deadline_is_due_soon_on_the_friday_before(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 4), tick=False):  # Wednesday; due Monday 09/03
        dossier = make_dossier(cast, Status.PROCESSING)
    assert dossier.due_date == date(2026, 3, 9)
    assert _tabs(client, cast.leader_a, date(2026, 3, 5))["due-soon"] == 0
    assert _tabs(client, cast.leader_a, date(2026, 3, 6))["due-soon"] == 1


def test_an_extra_day_off_brings_the_deadline_closer(client, cast, due_thursday) -> None:
    assert _tabs(client, cast.leader_a, date(2026, 3, 3))["due-soon"] == 0
    CalendarDay.objects.create(date=date(2026, 3, 4), kind=CalendarDayKind.DAY_OFF)
    assert _tabs(client, cast.leader_a, date(2026, 3, 3))["due-soon"] == 1


def test_the_apologys_new_date_counts(client, cast, due_thursday) -> None:
    with time_machine.travel(at(2026, 3, 3), tick=False):
        lifecycle.apologise(due_thursday, cast.leader_a, date(2026, 3, 12), "Chờ xác minh")
    tabs = _tabs(client, cast.leader_a, date(2026, 3, 6))
    assert (tabs["due-soon"], tabs["overdue"]) == (0, 0)
    assert _tabs(client, cast.leader_a, date(2026, 3, 13))["overdue"] == 1


def test_supplement_and_finished_dossiers_are_never_overdue(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):
        make_dossier(cast, Status.RESOLVED)
        waiting = make_dossier(cast, Status.PROCESSING)
        lifecycle.request_supplement(waiting, cast.specialist_a, ["Bản sao CCCD"])
    tabs = _tabs(client, cast.leader_a, date(2026, 4, 1))
    assert (tabs["due-soon"], tabs["overdue"]) == (0, 0)


def test_the_rows_badge_agrees_with_deadlines_timeliness(cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):
        dossiers = [
            make_dossier(cast, status)
            for status in (Status.ACCEPTED, Status.PROCESSING, Status.RESOLVED, Status.SUPPLEMENT)
        ]
    for day in range(2, 12):
        with time_machine.travel(at(2026, 3, day), tick=False):
            clock = queues.clock_now()
            for dossier in dossiers:
                assert queues.row_timeliness(dossier, clock) == timeliness(dossier), (day, dossier)


def test_the_overdue_badge_is_shown_in_the_row(client, cast, due_thursday) -> None:
    with time_machine.travel(at(2026, 3, 6), tick=False):
        login_verified(client, cast.leader_a)
        page = client.get(QUEUES_URL, {"queue": "overdue"}).content.decode()
    assert '<span class="tl tl-overdue">Quá hạn</span>' in page
