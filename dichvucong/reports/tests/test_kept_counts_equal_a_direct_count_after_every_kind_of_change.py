"""The kept statistics (reports/tally) equal a direct count of the dossiers
after every kind of change the real operations make: submission, refusal,
a supplement asked at reception and in processing and supplied (the clock
restarts), acceptance with a fee paid at the counter and online, an
apology with a new date, withdrawal, forwarding and sending back,
approval with its result, return, stop, a rating, a practice run; days
and months pass between them, so dossiers become overdue and the periods
cut months in two. Every column is seen non-zero somewhere, so no check
passes on zeros alone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, fields
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_draft
from dichvucong.feedback import service as feedback
from dichvucong.payments import services as payments
from dichvucong.payments.tests.helpers import COPY_RULE, pay_through_sandbox
from dichvucong.reports import statistics
from dichvucong.reports.models import TallyEntry
from dichvucong.reports.statistics import FINE_GRAIN, Figures, Period
from dichvucong.reports.tally import Selection, compaction, ready
from dichvucong.reports.tally.verify import differences

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2025, 3, 3, 9, 0, tzinfo=HANOI)  # a Monday
PERIODS = (
    Period(date(2025, 1, 1), date(2025, 12, 31)),  # whole months
    Period(date(2025, 3, 5), date(2025, 4, 17)),  # both ends inside a month
    Period(date(2025, 3, 1), date(2025, 3, 31)),  # one whole month
    Period(date(2024, 12, 20), date(2025, 3, 4)),  # across a year
)
GROUPINGS = ((), FINE_GRAIN, ("month",), ("agency", "year"), ("procedure", "month"))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REPORTS_CACHE_SECONDS = 0


class Story:
    """Moves time forward and checks the counts after each change."""

    def __init__(self, cast) -> None:  # type: ignore[no-untyped-def]
        self.cast = cast
        self.seen: set[str] = set()
        self.checks = 0
        self.traveller = time_machine.travel(START, tick=False)
        self.clock = self.traveller.start()

    def day(self, days: int) -> None:
        self.clock.shift(timedelta(days=days))

    def check(self) -> None:
        today = datetime.now(HANOI).date()
        selections = [
            Selection(),
            Selection(agency_id=self.cast.agency_a.pk),
            Selection(unit_id=self.cast.ward_b.pk),
            Selection(agency_ids=frozenset({self.cast.agency_b.pk})),
        ]
        for period in PERIODS:
            for dims in GROUPINGS:
                for selection in selections:
                    assert differences(period, dims, today, selection) == [], (period, dims)
                    self.checks += 1
            self._note_seen(period, today)

    def _note_seen(self, period: Period, today: date) -> None:
        totals = statistics.total(statistics.table(None, period, ("agency",), today))
        self.seen |= {name for name, value in asdict(totals).items() if value}


@pytest.fixture
def story(cast) -> Iterator[Story]:  # type: ignore[no-untyped-def]
    story = Story(cast)
    yield story
    story.traveller.stop()


def submitted(cast, agency=None):  # type: ignore[no-untyped-def]
    draft = make_draft(cast, agency=agency)
    return lifecycle.submit(draft, cast.applicant)


def test_the_counts_are_built_on_a_new_database_and_kept_through_every_change(
    story, cast, client
):
    assert ready()
    a, b = cast, cast
    # Day 0: six dossiers; one accepted, one refused, one asked for more at reception.
    first = submitted(cast)
    refused = submitted(cast)
    at_reception = submitted(cast)
    at_b = submitted(cast, agency=cast.agency_b)
    withdrawn = submitted(cast)
    practice = make_draft(cast)
    practice.is_practice = True
    practice.save()
    lifecycle.submit(practice, cast.applicant)
    story.check()
    lifecycle.accept(first, a.receptionist_a)
    lifecycle.refuse(refused, a.receptionist_a, "Sai thẩm quyền")
    lifecycle.request_supplement(at_reception, a.receptionist_a, ["Bản rõ nét"])
    story.check()

    # Day 1: the supplement comes back and is accepted; a withdrawal; ward B accepts.
    story.day(1)
    lifecycle.supply(at_reception, cast.applicant)
    lifecycle.accept(at_reception, a.receptionist_a)
    lifecycle.withdraw(withdrawn, cast.applicant, "Nộp nhầm")
    lifecycle.accept(at_b, b.receptionist_b)
    story.check()

    # Day 2: processing starts; a supplement is asked in processing; an apology at ward B.
    story.day(1)
    lifecycle.assign(first, a.leader_a, a.specialist_a)
    lifecycle.request_supplement(first, a.specialist_a, ["Giấy chứng sinh bản gốc"])
    due = _fresh(at_b).due_date
    new_date = _working_day_after(due + timedelta(days=6))
    lifecycle.apologise(at_b, b.leader_b, new_date, "Chờ xác minh")
    story.check()

    # A week later: the supplement restarts the clock; forwarded, sent back, forwarded.
    story.day(7)
    lifecycle.supply(first, cast.applicant)
    lifecycle.forward(first, a.specialist_a, "Đủ điều kiện")
    lifecycle.send_back(first, a.leader_a, "Xem lại tên cha")
    lifecycle.forward(first, a.specialist_a, "Đã xem lại")
    story.check()

    # Two days on: approved (its result issued), returned, rated.
    story.day(2)
    lifecycle.approve(first, a.leader_a)
    lifecycle.return_result(first, a.receptionist_a)
    feedback.rate(first, cast.applicant, 3)
    story.check()

    # Fees: one paid at the counter, one online through the sandbox.
    cast.procedure.online_level = OnlineLevel.FULL
    cast.procedure.fee_rule = COPY_RULE
    cast.procedure.save()
    at_counter, online = _owing(cast), _owing(cast)
    story.check()
    payments.record_counter_payment(at_counter, a.receptionist_a)
    client.force_login(cast.applicant)
    pay_through_sandbox(client, online)
    story.check()

    # The one paid at the counter is resolved on its due date.
    story.day((_fresh(at_counter).due_date - datetime.now(HANOI).date()).days)
    _resolve(cast, at_counter)
    story.check()

    # A month later: the dossier at reception is overdue, then resolved late;
    # ward B's is stopped.
    story.day(30)
    story.check()
    _resolve(cast, at_reception)
    lifecycle.assign(at_b, b.leader_b, b.specialist_b)
    lifecycle.stop(at_b, b.leader_b, "Không đủ điều kiện")
    story.check()

    assert story.seen == {item.name for item in fields(Figures)}
    assert TallyEntry.objects.exists()  # read before compaction: the entries count too
    compaction.compact_all()
    assert not TallyEntry.objects.exists()
    story.check()  # and the sums after it


def _fresh(dossier):  # type: ignore[no-untyped-def]
    dossier.refresh_from_db()
    return dossier


def _resolve(cast, dossier) -> None:  # type: ignore[no-untyped-def]
    lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
    lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    lifecycle.approve(dossier, cast.leader_a)


def _owing(cast):  # type: ignore[no-untyped-def]
    draft = make_draft(cast)
    draft.form_data["copies"] = 3
    draft.save()
    lifecycle.submit(draft, cast.applicant)
    return lifecycle.accept(draft, cast.receptionist_a)


def _working_day_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
