"""What the report pages and their exports show, for a scope and filters.

The views call `page` to render and `export_table` to download one table;
both build tables the same way, so a download always matches the page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Max, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from dichvucong import public_pages
from dichvucong.dossiers.models import Dossier
from dichvucong.reports import indicators, opendata, statistics, svg, tally, unitmap
from dichvucong.reports import today as today_view
from dichvucong.reports.access import Scope
from dichvucong.reports.forms import Filters
from dichvucong.reports.statistics import Figures, Period, Row
from dichvucong.reports.tables import (
    STATS_BY_SLUG,
    STATS_TABLES,
    Table,
    indicators_table,
    overdue_table,
    stats_table,
)

OVERDUE_ON_PAGE = 100
COLOURS = {"blue": "#0b4a8b", "green": "#1b6e20", "red": "#b3261e"}
# Public figures are kept this long (settings.REPORTS_CACHE_SECONDS; 0 turns
# it off): anyone may load the page, and each computation scans the
# dossiers. Staff dashboards are always computed afresh. The key holds the
# versions of the catalogue and the statistics (dichvucong/public_pages.py): a
# change shows at the next request.
DEFAULT_CACHE_SECONDS = 300
T = TypeVar("T")


def _public_cached(
    scope: Scope, filters: Filters, parts: tuple[Any, ...], compute: Callable[[], T]
) -> T:
    seconds = getattr(settings, "REPORTS_CACHE_SECONDS", DEFAULT_CACHE_SECONDS)
    if scope.agency_ids is not None or not seconds:
        return compute()
    period = filters.period
    agency = filters.agency.pk if filters.agency else ""
    unit = filters.unit.pk if filters.unit else ""
    stamps = public_pages.versions((public_pages.CATALOGUE, public_pages.STATISTICS))
    key = ":".join(
        str(part)
        for part in (
            "reports",
            period.start,
            period.end,
            agency,
            unit,
            filters.view,
            *stamps,
            *parts,
        )
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def figure_tables(
    scope: Scope, filters: Filters, dims: tuple[str, ...], today: date
) -> dict[str, list[Row]]:
    def compute() -> dict[str, list[Row]]:
        source, count = _counted(scope, filters, today)
        return statistics.tables(source, filters.period, dims, today, count)

    return _public_cached(scope, filters, ("tables", today, *dims), compute)


def open_data_rows(scope: Scope, filters: Filters, today: date) -> list[dict[str, Any]]:
    def compute() -> list[dict[str, Any]]:
        source, count = _counted(scope, filters, today)
        return opendata.rows(source, filters.period, today, count, filters.view)

    return _public_cached(scope, filters, ("open-data", today), compute)


def _counted(scope: Scope, filters: Filters, today: date) -> tuple[Any, Callable[..., list[Row]]]:
    """What the figures are counted on, and how: the kept counts
    (reports.tally) once built, else the dossiers themselves; by today's
    units, through reports.today."""
    if filters.today_view and unitmap.any_ended(today):
        return None, _counted_today(scope, filters, today)
    if tally.ready():
        selection = tally.Selection(
            agency_ids=scope.agency_ids,
            agency_id=filters.agency.pk if filters.agency else None,
            unit_id=filters.unit.pk if filters.unit else None,
        )
        if scope.history_ids:
            return None, _with_history(selection, scope, filters)
        return selection, tally.table
    return dossiers_for(scope, filters), statistics.table


def _with_history(
    selection: tally.Selection, scope: Scope, filters: Filters
) -> Callable[..., list[Row]]:
    """The kept counts of the scope's agencies and, counted from the
    dossiers, the part of the ended agencies' that the scope took over."""
    history = dossiers_for(scope, filters).filter(agency_id__in=scope.history_ids)
    sources = today_view.Sources(selection, tally.table, history, scope.history_ids)
    return today_view.added(sources)


def _counted_today(scope: Scope, filters: Filters, today: date) -> Callable[..., list[Row]]:
    """The scope's dossiers counted by the units of their time and moved
    to today's; the agency and ward filters choose among today's units."""
    unit_map = unitmap.UnitMap(today)
    dependent = unit_map.group_dependent_agency_ids()
    if scope.agency_ids is not None:
        dependent = (dependent & scope.agency_ids) | scope.history_ids
    rest: Any = scope.dossiers.exclude(agency_id__in=dependent)
    count: Callable[..., list[Row]] = statistics.table
    if tally.ready():
        rest, count = (
            tally.Selection(agency_ids=scope.agency_ids, excluded_ids=dependent),
            tally.table,
        )
    sources = today_view.Sources(
        rest, count, scope.dossiers.filter(agency_id__in=dependent), dependent
    )
    only = today_view.Only(
        filters.agency.pk if filters.agency else None, filters.unit.pk if filters.unit else None
    )
    return today_view.counter(sources, unit_map, only)


def dossiers_for(scope: Scope, filters: Filters) -> QuerySet[Dossier]:
    dossiers = scope.dossiers
    if filters.agency is not None:
        dossiers = dossiers.filter(agency=filters.agency)
    if filters.unit is not None:
        dossiers = dossiers.filter(agency__admin_unit=filters.unit)
    return dossiers


def earlier_year(scope: Scope, filters: Filters) -> int | None:
    """The last year before the period in which a dossier was received: a
    page for an empty period (a new year's first days, a demo of past
    years) points there instead of leaving a reader with zeros."""
    start, _end = filters.period.bounds()
    dossiers = statistics.real_dossiers(dossiers_for(scope, filters))
    last = dossiers.filter(submitted_at__lt=start).aggregate(last=Max("submitted_at"))["last"]
    return timezone.localtime(last).year if last else None


def _transparency(scope: Scope, filters: Filters) -> tuple[int, int]:
    """Counted on the procedures the filtered agencies offer."""
    if filters.agency is None and filters.unit is None:
        agency_ids = None if scope.agency_ids is None else set(scope.agency_ids)
    else:
        agency_ids = set(
            scope.agencies().filter(**_agency_filter(filters)).values_list("pk", flat=True)
        )
    return indicators.transparency_counts(indicators.procedures_in_scope(agency_ids))


def _agency_filter(filters: Filters) -> dict[str, Any]:
    conditions: dict[str, Any] = {}
    if filters.agency is not None:
        conditions["pk"] = filters.agency.pk
    if filters.unit is not None:
        conditions["admin_unit"] = filters.unit
    return conditions


def scorecard(scope: Scope, filters: Filters, totals: Figures) -> indicators.Scorecard:
    return indicators.scorecard(totals, _transparency(scope, filters))


def export_table(
    slug: str, scope: Scope, filters: Filters, today: date, *, staff: bool
) -> Table | None:
    """The one table a download asks for, or None if there is no such table."""
    spec = STATS_BY_SLUG.get(slug)
    if spec is not None:
        rows = figure_tables(scope, filters, (spec.dimension,), today)
        return stats_table(spec, rows[spec.dimension])
    if slug == "chi-so-766":
        rows = figure_tables(scope, filters, ("agency",), today)
        return indicators_table(scorecard(scope, filters, statistics.total(rows["agency"])))
    if slug == "ho-so-qua-han" and staff:
        return overdue_table(*overdue_list(scope, filters, today), today)
    return None


def _overdue(dossiers: QuerySet[Dossier], today: date) -> QuerySet[Dossier]:
    return statistics.overdue_dossiers(dossiers, today).select_related(
        "procedure", "agency", "holder"
    )


def overdue_list(
    scope: Scope, filters: Filters, today: date, limit: int | None = None
) -> tuple[list[Dossier], dict[int, str]]:
    """The overdue dossiers, the longest overdue first (the first `limit`),
    and the agency each row names when it is not the dossier's own: by
    today's units, a dossier of an ended agency is named, and filtered,
    by the agency reports.unitmap gives it today."""
    dossiers = dossiers_for(scope, filters)
    if not (filters.today_view and unitmap.any_ended(today)):
        found = _overdue(dossiers, today)
        return list(found[:limit] if limit is not None else found), {}
    unit_map = unitmap.UnitMap(today)
    ended = [pk for pk, agency in unit_map.agencies.items() if not agency.valid]
    current = _overdue(dossiers.exclude(agency_id__in=ended), today)
    rows = list(current[:limit] if limit is not None else current)
    only = today_view.Only(
        filters.agency.pk if filters.agency else None, filters.unit.pk if filters.unit else None
    )
    names: dict[int, str] = {}
    moved = _overdue(scope.dossiers.filter(agency_id__in=ended), today).annotate(
        group=F("residential_group_id")
    )
    for dossier in moved:
        agency = unit_map.agencies[
            unit_map.agency_today(dossier.agency_id, dossier.procedure_id, dossier.group)
        ]
        if only.keeps(agency.pk, agency.unit_id):
            rows.append(dossier)
            names[dossier.pk] = today_view.agency_name(agency.name, agency.valid)
    rows.sort(key=lambda dossier: (dossier.current_due, dossier.received_at))
    return rows[:limit] if limit is not None else rows, names


def page(scope: Scope, filters: Filters, today: date, *, staff: bool) -> dict[str, Any]:
    period = filters.period
    rows = figure_tables(scope, filters, tuple(s.dimension for s in STATS_TABLES), today)
    totals = statistics.total(rows["agency"])
    card = scorecard(scope, filters, totals)
    context: dict[str, Any] = {
        "period": period,
        "as_of": period.as_of(today),
        "scope": scope,
        "filters": filters,
        "totals": totals,
        "scorecard": card,
        "indicator_table": indicators_table(card),
        "tables": [stats_table(spec, rows[spec.dimension]) for spec in STATS_TABLES],
        "charts": charts(totals, rows, period, today),
        "online_channel_recorded": statistics.ONLINE_CHANNEL_RECORDED,
        "payments_recorded": statistics.payments_recorded(),
        "ratings_recorded": statistics.ratings_recorded(),
    }
    if not (totals.received or totals.resolved):
        context["earlier_year"] = earlier_year(scope, filters)
    if staff:
        overdue, names = overdue_list(scope, filters, today, OVERDUE_ON_PAGE + 1)
        context["overdue_more"] = len(overdue) > OVERDUE_ON_PAGE
        context["overdue_table"] = overdue_table(overdue[:OVERDUE_ON_PAGE], names, today)
    return context


# --- Charts -------------------------------------------------------------------------


def charts(totals: Figures, rows: dict[str, list[Row]], period: Period, today: date) -> dict:
    return {
        "monthly": _flow_chart(rows, period, today),
        "timeliness": _timeliness_chart(totals),
        "shares": _shares_chart(totals),
    }


MONTHS_IN_CHART = 24


def _flow_chart(rows: dict[str, list[Row]], period: Period, today: date) -> SafeString:
    """Every month of the period up to today, an empty one drawn as zero;
    every year instead when there are too many months for a phone."""
    dim = "month"
    buckets = [bucket for bucket, _day in statistics.snapshot_days(period, (dim,), today)]
    if len(buckets) > MONTHS_IN_CHART:
        dim = "year"
        buckets = [bucket for bucket, _day in statistics.snapshot_days(period, (dim,), today)]
    by_bucket = {row.buckets[dim]: row.figures for row in rows[dim]}
    figures = [by_bucket.get(bucket, Figures()) for bucket in buckets]
    series = [
        svg.Series(_("Tiếp nhận"), [f.received for f in figures], COLOURS["blue"]),
        svg.Series(
            _("Đã giải quyết"), [f.resolved for f in figures], COLOURS["green"], hatched=True
        ),
    ]
    labels = [f"{bucket:%m/%Y}" if dim == "month" else f"{bucket:%Y}" for bucket in buckets]
    title = _("Hồ sơ tiếp nhận và đã giải quyết theo tháng")
    if dim == "year":
        title = _("Hồ sơ tiếp nhận và đã giải quyết theo năm")
    return mark_safe(svg.bar_chart("bieu-do-thang", title, labels, series))  # noqa: S308


def _timeliness_chart(totals: Figures) -> SafeString:
    parts = [
        svg.Part(_("Trước hạn"), totals.early, COLOURS["green"]),
        svg.Part(_("Đúng hạn"), totals.on_time, COLOURS["blue"]),
        svg.Part(_("Trễ hạn"), totals.late, COLOURS["red"]),
    ]
    title = _("Hồ sơ đã giải quyết: trước hạn, đúng hạn, trễ hạn")
    return mark_safe(svg.stacked_bar("bieu-do-tien-do", title, parts))  # noqa: S308


def _shares_chart(totals: Figures) -> SafeString:
    items = [
        (_("Giải quyết đúng hạn và trước hạn"), totals.on_time_share),
        (_("Nộp trực tuyến"), totals.online_share),
        (_("Thủ tục mức độ 4 (toàn trình)"), totals.level4_share),
        (_("Thanh toán trực tuyến"), totals.online_payment_share),
        (_("Hài lòng và rất hài lòng"), totals.satisfaction_share),
    ]
    title = _("Các tỷ lệ chính của kỳ báo cáo")
    return mark_safe(svg.share_bars("bieu-do-ty-le", title, items))  # noqa: S308
