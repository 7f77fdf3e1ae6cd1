"""The back office's work queues over the dossiers a user may see.

Every queue is a condition on the database row, so counts and pagination
are exact. The only date arithmetic that needs the office calendar, the
"due soon" boundary, is done once per request (`Clock`) and then compared
in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connections, models
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import Role
from dichvucong.catalogue.calendar import office_calendar
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers.access import readable_staff_dossiers
from dichvucong.dossiers.constants import (
    ENDED_STATUSES,
    FINISHED_STATUSES,
    OPEN_STATUSES,
    Status,
)
from dichvucong.dossiers.deadlines import DUE_SOON_WORKING_DAYS, Timeliness, timeliness
from dichvucong.dossiers.models import Dossier
from dichvucong.lib.text import fold

PAGE_SIZE = 25
MAX_SEARCH_TERMS = 6
# History grows every day for ever. Its tabs count up to this many and then
# say "1.000+", and page through the newest this many (older ones are
# found by searching), so the queue costs the same in the tenth year as in
# the first. The tabs of work in progress are exact, except under a search:
# a word as common as a procedure's name matches half of them, and each
# match is a row to read, so a search's tabs all stop at SEARCH_SHOWN, "100+"
# (enough to say: search for something more precise).
HISTORY_SHOWN = 1000
SEARCH_SHOWN = 100


class Queue(models.TextChoices):
    NEW = "new", _("Mới")
    PROCESSING = "processing", _("Đang xử lý")
    SUPPLEMENT = "supplement", _("Chờ bổ sung")
    DUE_SOON = "due-soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")
    DONE = "done", _("Đã xong")
    CLOSED = "closed", _("Đã đóng")


HISTORY = (Queue.DONE, Queue.CLOSED)


@dataclass(frozen=True)
class Clock:
    """Today, and the first day that is no longer "due soon": a dossier due
    before it (and not before today) has at most DUE_SOON_WORKING_DAYS
    working days left, exactly as `deadlines.timeliness` decides."""

    today: date
    due_soon_before: date


def clock_now() -> Clock:
    today = timezone.localdate()
    bound = office_calendar().add_working_days(today, DUE_SOON_WORKING_DAYS + 1)
    return Clock(today=today, due_soon_before=bound)


def default_queue(roles: frozenset[str]) -> Queue:
    """Reception starts from new dossiers; everyone else from processing."""
    return Queue.NEW if Role.RECEPTIONIST in roles else Queue.PROCESSING


def base_dossiers(user: Any) -> QuerySet[Dossier]:
    """The user's dossiers (and the history their agency took over, which
    only the ended tabs can show) with their effective due date (the apology's new
    date when there is one) and what the rows show, in one query."""
    return (
        readable_staff_dossiers(user)
        .select_related("holder", "assignee")
        .annotate(effective_due=Coalesce("extended_due_date", "due_date"))
    )


def queue_condition(queue: Queue, clock: Clock) -> Q:
    open_now = Q(status__in=OPEN_STATUSES)
    conditions = {
        Queue.NEW: Q(status=Status.SUBMITTED),
        Queue.PROCESSING: open_now,
        Queue.SUPPLEMENT: Q(status=Status.SUPPLEMENT),
        Queue.DUE_SOON: open_now
        & Q(effective_due__gte=clock.today, effective_due__lt=clock.due_soon_before),
        Queue.OVERDUE: open_now & Q(effective_due__lt=clock.today),
        Queue.DONE: Q(status__in=FINISHED_STATUSES),
        Queue.CLOSED: Q(status__in=ENDED_STATUSES),
    }
    return conditions[queue]


def search(dossiers: QuerySet[Dossier], text: str) -> QuerySet[Dossier]:
    """Every word must match the code, the applicant's name, ID number or
    phone, or the procedure. Procedures match without diacritics (their
    folded `search_text`); names match as typed, case-insensitively,
    because the dossier has no folded column to search in SQL."""
    for term in text.split()[:MAX_SEARCH_TERMS]:
        dossiers = dossiers.filter(
            Q(code__icontains=term)
            | Q(applicant_name__icontains=term)
            | Q(applicant_id_number=term)
            | Q(applicant_phone=term)
            | Q(procedure__search_text__contains=fold(term))
        )
    return dossiers


def my_work_condition(user: Any, roles: frozenset[str]) -> Q | None:
    """A specialist's own dossiers; for a leader, those forwarded to the
    leaders (status 4 with nobody holding them, see lifecycle.forward)."""
    parts = []
    if Role.SPECIALIST in roles:
        parts.append(Q(assignee=user))
    if Role.LEADER in roles:
        parts.append(Q(status=Status.PROCESSING, holder__isnull=True))
    if not parts:
        return None
    condition = parts[0]
    for part in parts[1:]:
        condition |= part
    return condition


def counts(
    dossiers: QuerySet[Dossier],
    clock: Clock,
    capped: tuple[Queue, ...] = HISTORY,
    limit: int | None = None,
) -> dict[str, int]:
    """How many dossiers each queue holds, in one query of one count per
    queue, each along its tab's index (dossier_agency_new, _open, ...):
    exactly, or for the `capped` queues up to `limit` (HISTORY_SHOWN) + 1
    (one more says "more than")."""
    limit = HISTORY_SHOWN if limit is None else limit
    parts, params = [], []
    for queue in Queue:
        rows = dossiers.filter(queue_condition(queue, clock)).order_by().values("pk")
        if queue in capped:
            rows = rows[: limit + 1]
        sql, row_params = rows.query.sql_with_params()
        # Django's own SQL with its parameters apart: nothing typed is in it.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) tab)")  # noqa: S608
        params.extend(row_params)
    with connections[dossiers.db].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        totals = cursor.fetchone()
    return {queue.value: total for queue, total in zip(Queue, totals, strict=True)}


class CountedPaginator(Paginator):
    """Pages through a queue whose count the tabs already know, so it is
    not counted again (for history: only the newest HISTORY_SHOWN)."""

    def __init__(self, object_list: QuerySet[Dossier], total: int) -> None:
        super().__init__(object_list, PAGE_SIZE)
        self._total = total

    @property
    def count(self) -> int:  # type: ignore[override]
        return self._total


def in_queue(dossiers: QuerySet[Dossier], queue: Queue, clock: Clock) -> QuerySet[Dossier]:
    return dossiers.filter(queue_condition(queue, clock)).order_by(*_ORDER[queue], "pk")


# Oldest first where work waits in line; most urgent first where a
# deadline runs; newest first for history.
_BY_DUE = (F("effective_due").asc(nulls_last=True), "submitted_at")
_ORDER: dict[Queue, tuple[Any, ...]] = {
    Queue.NEW: ("submitted_at",),
    Queue.PROCESSING: _BY_DUE,
    Queue.SUPPLEMENT: ("supplement_requested_at",),
    Queue.DUE_SOON: _BY_DUE,
    Queue.OVERDUE: _BY_DUE,
    # Backwards along the dossier_agency_done / _closed indexes (the date
    # is always set in these statuses).
    Queue.DONE: ("-resolved_at", "-pk"),
    Queue.CLOSED: ("-closed_at", "-pk"),
}


def row_timeliness(dossier: Dossier, clock: Clock) -> Timeliness:
    """`deadlines.timeliness` without a calendar query per row: for an open
    dossier the answer follows from the clock's boundary; every other case
    needs no calendar and is left to deadlines."""
    if (
        dossier.status in OPEN_STATUSES
        and dossier.resolved_at is None
        and dossier.due_date is not None
    ):
        due = dossier.extended_due_date or dossier.due_date
        if due < clock.today:
            return Timeliness.OVERDUE
        if due < clock.due_soon_before:
            return Timeliness.DUE_SOON
        return Timeliness.NOT_DUE
    return timeliness(dossier, clock.today)


@dataclass(frozen=True)
class Row:
    dossier: Dossier
    timeliness: Timeliness


@dataclass(frozen=True)
class Listing:
    queue: Queue
    tabs: list[tuple[Queue, int]]
    page: Page[Dossier]
    rows: list[Row]
    # Queues holding more than HISTORY_SHOWN, whose count reads "1.000+".
    more_than_shown: frozenset[str] = frozenset()

    @property
    def total_shown_is_partial(self) -> bool:
        return self.queue.value in self.more_than_shown

    @property
    def shows_newest(self) -> bool:
        """History pages the newest; other tabs the first in their order."""
        return self.queue in HISTORY


def procedures_in(dossiers: QuerySet[Dossier]) -> QuerySet[Procedure]:
    """The procedures these dossiers belong to, for the filter: one index
    probe per procedure (agency, procedure), instead of reading every
    dossier the office ever had to collect their procedures."""
    used = dossiers.filter(procedure_id=OuterRef("pk"))
    return Procedure.objects.filter(Exists(used)).order_by("name")


def listing(
    dossiers: QuerySet[Dossier],
    user: Any,
    roles: frozenset[str],
    *,
    queue: Queue | None = None,
    text: str = "",
    procedure: Procedure | None = None,
    mine: bool = False,
    page_number: Any = None,
) -> Listing:
    """One page of one queue of `dossiers` (from base_dossiers), with every
    queue's count under the same search and filters, so a clerk sees in
    which tab the search hit."""
    clock = clock_now()
    queue = queue or default_queue(roles)
    dossiers = search(dossiers, text)
    if procedure is not None:
        dossiers = dossiers.filter(procedure=procedure)
    mine_condition = my_work_condition(user, roles) if mine else None
    if mine_condition is not None:
        dossiers = dossiers.filter(mine_condition)
    searching = bool(text.split())
    capped = tuple(Queue) if searching else HISTORY
    limit = SEARCH_SHOWN if searching else HISTORY_SHOWN
    totals = counts(dossiers, clock, capped, limit)
    more = frozenset(tab.value for tab in capped if totals[tab.value] > limit)
    shown = {tab: min(totals[tab.value], limit) if tab in capped else totals[tab.value]
             for tab in Queue}
    paginator = CountedPaginator(in_queue(dossiers, queue, clock), shown[queue])
    page = paginator.get_page(page_number)
    rows = [Row(dossier, row_timeliness(dossier, clock)) for dossier in page]
    return Listing(queue, [(tab, shown[tab]) for tab in Queue], page, rows, more)
