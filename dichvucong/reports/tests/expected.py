"""Figures counted the slow, obvious way: a Python loop over every row.

Independent of reports.statistics (nothing here imports it): the report
tests compare the pages and files with these. Timeliness of a resolved
dossier comes from dossiers.deadlines, the rule the dossier pages use."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.deadlines import Timeliness, timeliness
from dichvucong.dossiers.models import Dossier
from dichvucong.feedback.models import Rating

Key = Callable[[Dossier, date], tuple[Any, ...]]
BY = {
    "total": lambda d, day: (),
    "agency": lambda d, day: (d.agency.name,),
    "ward": lambda d, day: (d.agency.admin_unit.name,),
    "field": lambda d, day: (d.procedure.field.name,),
    "procedure": lambda d, day: (f"{d.procedure.code} – {d.procedure.name}",),
    "month": lambda d, day: (f"{day:%m/%Y}",),
    "year": lambda d, day: (f"{day:%Y}",),
    "agency_month": lambda d, day: (d.agency.unit_code, day.year, day.month),
}


def local(moment: Any) -> date | None:
    return timezone.localdate(moment) if moment else None


def is_real(dossier: Dossier) -> bool:
    return not dossier.is_practice and dossier.status != Status.DRAFT


def all_dossiers() -> list[Dossier]:
    return list(
        Dossier.objects.select_related("procedure__field", "agency__admin_unit")
        .prefetch_related("payments", "attachments")
        .order_by("pk")
    )


def count(
    by: str, start: date, end: date, today: date, keep: Callable[[Dossier], bool] = lambda d: True
) -> dict[tuple, Counter]:
    key = BY[by]
    figures: dict[tuple, Counter] = defaultdict(Counter)
    dossiers = [d for d in all_dossiers() if is_real(d) and keep(d)]
    for dossier in dossiers:
        _flows(figures, key, dossier, start, end)
    for rating in Rating.objects.select_related(
        "dossier__procedure__field", "dossier__agency__admin_unit"
    ):
        day = local(rating.created_at)
        if is_real(rating.dossier) and keep(rating.dossier) and start <= day <= end:
            figures[key(rating.dossier, day)]["ratings"] += 1
            figures[key(rating.dossier, day)]["satisfied"] += rating.level in (2, 3)
    for day in snapshot_days(by, start, end, today):
        for dossier in dossiers:
            _snapshot(figures, key, dossier, day)
    return dict(figures)


def _flows(figures: dict, key: Key, dossier: Dossier, start: date, end: date) -> None:
    submitted = local(dossier.submitted_at)
    if submitted and start <= submitted <= end:
        counts = figures[key(dossier, submitted)]
        counts["received"] += 1
        counts["level4"] += dossier.procedure.online_level == 4
        counts["level34"] += dossier.procedure.online_level >= 3
        if dossier.fee_paid_at:
            counts["paid"] += 1
            counts["paid_online"] += any(
                p.status == "paid" and p.gateway in ("vnpay", "sandbox")
                for p in dossier.payments.all()
            )
    resolved = local(dossier.resolved_at)
    if resolved and start <= resolved <= end:
        counts = figures[key(dossier, resolved)]
        counts["resolved"] += 1
        verdict = timeliness(dossier)
        counts[
            {Timeliness.EARLY: "early", Timeliness.ON_TIME: "on_time", Timeliness.LATE: "late"}[
                verdict
            ]
        ] += 1
        has_result = hasattr(dossier, "result")
        counts["digitised"] += has_result and bool(dossier.attachments.all())


def snapshot_days(by: str, start: date, end: date, today: date) -> list[date]:
    last = min(end, today)
    if by not in ("month", "year", "agency_month"):
        return [last] if start <= last else []
    days, day = [], start
    while day <= last:
        if by == "year":
            following = date(day.year + 1, 1, 1)
        else:
            following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        days.append(min(following - timedelta(days=1), last))
        day = following
    return days


def _snapshot(figures: dict, key: Key, dossier: Dossier, day: date) -> None:
    received = local(dossier.received_at)
    if received is None or received > day:
        return
    for finished in (local(dossier.resolved_at), local(dossier.closed_at)):
        if finished is not None and finished <= day:
            return
    counts = figures[key(dossier, day)]
    asked = local(dossier.supplement_requested_at)
    if dossier.status == Status.SUPPLEMENT and asked is not None and asked <= day:
        counts["paused"] += 1
    elif (dossier.extended_due_date or dossier.due_date) < day:
        counts["overdue"] += 1
    else:
        counts["not_due"] += 1


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
