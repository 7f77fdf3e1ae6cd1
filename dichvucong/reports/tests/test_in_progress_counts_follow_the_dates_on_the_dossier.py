"""In progress at a date: received by then, not resolved or closed by
then; overdue against the current due date; paused while waiting for a
supplement, but only from the day it was asked for."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.reports import statistics
from dichvucong.reports.statistics import Period

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=HANOI)


def dossier(cast, status: int, received: date, due: date, **dates) -> Dossier:
    return Dossier.objects.create(
        procedure=cast.procedure,
        agency=cast.agency_a,
        applicant=cast.applicant,
        applicant_name="x",
        status=status,
        submitted_at=at(received),
        received_at=at(received),
        due_date=due,
        **dates,
    )


def snapshot(day: date, today: date = date(2025, 6, 30)) -> tuple[int, int, int]:
    figures = statistics.total(
        statistics.table(None, Period(date(2025, 1, 1), day), ("agency",), today)
    )
    return figures.not_due, figures.overdue, figures.paused


def test_a_supplement_pauses_the_dossier_from_the_day_it_was_asked(cast):
    dossier(
        cast,
        Status.SUPPLEMENT,
        date(2025, 3, 10),
        date(2025, 3, 20),
        supplement_requested_at=at(date(2025, 4, 2)),
    )
    assert snapshot(date(2025, 3, 15)) == (1, 0, 0)
    assert snapshot(date(2025, 3, 31)) == (0, 1, 0)
    assert snapshot(date(2025, 4, 2)) == (0, 0, 1)


def test_a_resolved_or_closed_dossier_was_in_progress_until_then(cast):
    dossier(
        cast,
        Status.RESOLVED,
        date(2025, 3, 10),
        date(2025, 3, 20),
        resolved_at=at(date(2025, 3, 25), 0),
    )
    dossier(
        cast, Status.STOPPED, date(2025, 3, 10), date(2025, 3, 20), closed_at=at(date(2025, 3, 12))
    )
    assert snapshot(date(2025, 3, 11)) == (2, 0, 0)
    assert snapshot(date(2025, 3, 21)) == (0, 1, 0)
    assert snapshot(date(2025, 3, 25)) == (0, 0, 0)


def test_the_apology_date_is_the_due_date_for_an_open_dossier(cast):
    dossier(
        cast,
        Status.PROCESSING,
        date(2025, 3, 10),
        date(2025, 3, 20),
        extended_due_date=date(2025, 3, 27),
    )
    assert snapshot(date(2025, 3, 27)) == (1, 0, 0)
    assert snapshot(date(2025, 3, 28)) == (0, 1, 0)
    assert list(statistics.overdue_dossiers(Dossier.objects.all(), date(2025, 3, 27))) == []


def test_a_result_just_after_midnight_is_judged_by_the_local_date(cast):
    dossier(
        cast,
        Status.RESOLVED,
        date(2025, 3, 10),
        date(2025, 3, 20),
        resolved_at=at(date(2025, 3, 21), 0),
    )  # 20/03 17:00 UTC
    dossier(
        cast,
        Status.RESOLVED,
        date(2025, 3, 10),
        date(2025, 3, 20),
        resolved_at=at(date(2025, 3, 20), 23),
    )
    figures = statistics.total(
        statistics.table(None, Period(date(2025, 3, 1), date(2025, 3, 31)), ("agency",))
    )
    assert (figures.early, figures.on_time, figures.late) == (0, 1, 1)


def test_practice_dossiers_and_drafts_never_count(cast):
    dossier(cast, Status.PROCESSING, date(2025, 3, 10), date(2025, 3, 20), is_practice=True)
    Dossier.objects.create(
        procedure=cast.procedure,
        agency=cast.agency_a,
        applicant=cast.applicant,
        applicant_name="x",
        submitted_at=at(date(2025, 3, 10)),
    )
    figures = statistics.total(
        statistics.table(None, Period(date(2025, 1, 1), date(2025, 12, 31)), ("agency",))
    )
    assert (figures.received, figures.in_progress) == (0, 0)


def test_with_no_grouping_there_is_one_row_of_totals(cast, django_assert_max_num_queries):
    for day in (date(2025, 3, 10), date(2025, 3, 11), date(2025, 3, 12)):
        dossier(cast, Status.PROCESSING, day, date(2025, 3, 20))
    with django_assert_max_num_queries(4):
        rows = statistics.table(
            None, Period(date(2025, 3, 1), date(2025, 3, 31)), (), date(2025, 3, 25)
        )
    assert [(row.key, row.figures.received, row.figures.overdue) for row in rows] == [((), 3, 3)]
    assert statistics.table(None, Period(date(2024, 1, 1), date(2024, 1, 31)), ()) == []


def test_overdue_dossiers_received_together_are_listed_in_one_order(cast):
    """The report page shows the first of the overdue list and the export
    the rest: dossiers due and received at the same time come by id, so
    the page and the export agree on which come first."""
    rows = [
        dossier(cast, Status.PROCESSING, date(2025, 3, 10), date(2025, 3, 20)) for _ in range(5)
    ]
    # The first rewritten: on PostgreSQL its row now lies at the end.
    Dossier.objects.filter(pk=rows[0].pk).update(applicant_name="y")
    found = statistics.overdue_dossiers(Dossier.objects.all(), date(2025, 4, 1))
    assert [row.pk for row in found] == sorted(row.pk for row in rows)
    assert [row.pk for row in found[:2]] == sorted(row.pk for row in rows)[:2]
