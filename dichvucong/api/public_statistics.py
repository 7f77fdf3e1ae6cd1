"""The public statistics of /thong-ke/ as JSON: no login, nothing personal,
the very figures of the page. They come from reports.report (its tables,
scorecard and cache), which counts real dossiers only: never a draft, never
a practice run.

The filters have the page's names and its parsing (reports.forms). Where
the page drops a bad value and says so above the figures, the API refuses
it: 422 naming the parameter, as for any other bad input."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from django.forms.forms import NON_FIELD_ERRORS
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from dichvucong.api.errors import invalid
from dichvucong.api.responses import answers
from dichvucong.api.schemas_reports import (
    IndicatorsOut,
    PublicFilterQuery,
    StatsTableOut,
    TableQuery,
)
from dichvucong.reports import access, report, statistics
from dichvucong.reports.access import Scope
from dichvucong.reports.forms import Filters, ReportFilterForm, read_filters
from dichvucong.reports.indicators import Indicator
from dichvucong.reports.statistics import TIME_DIMENSIONS, Figures, Row
from dichvucong.reports.tables import STATS_TABLES, stats_table

router = Router(tags=["Thống kê công khai"])

ERRORS = (400, 413, 422)
SPEC_BY_DIMENSION = {spec.dimension: spec for spec in STATS_TABLES}
FILTER_NAMES = tuple(ReportFilterForm.base_fields)
COUNTED = tuple(item.name for item in fields(Figures))
DERIVED = (
    "online",
    "in_progress",
    "on_time_share",
    "late_share",
    "online_share",
    "level4_share",
    "online_payment_share",
    "satisfaction_share",
)


# --- The filters -----------------------------------------------------------------


def _filters(query: PublicFilterQuery, scope: Scope, today: date) -> Filters:
    """The page's Filters, or a 422 naming the first bad parameter (all listed)."""
    given = query.dict()
    data = {name: str(given[name]) for name in FILTER_NAMES if given.get(name) is not None}
    form = ReportFilterForm(data, agencies=scope.agencies(), today=today)
    if not form.is_valid():
        raise invalid(_problems(form))
    return read_filters(form)


def _problems(form: ReportFilterForm) -> list[dict[str, Any]]:
    items = []
    for name, errors in form.errors.as_data().items():
        for error in errors:
            message = " ".join(error.messages)
            if name == NON_FIELD_ERRORS:
                items.append({"field": None, "code": "invalid_period", "message": message})
            else:
                label = form.fields[name].label
                code = error.code or "invalid"
                items.append({"field": name, "code": code, "message": f"{label}: {message}"})
    return items


# --- As JSON ------------------------------------------------------------------------


def _filters_out(filters: Filters, today: date) -> dict[str, Any]:
    period, agency, unit = filters.period, filters.agency, filters.unit
    return {
        "period": {"start": period.start, "end": period.end, "as_of": period.as_of(today)},
        "agency": None
        if agency is None
        else {"id": agency.pk, "unit_code": agency.unit_code, "name": agency.name},
        "unit": None if unit is None else {"id": unit.pk, "code": unit.code, "name": unit.name},
        "view": filters.view,
    }


def figures(values: Figures) -> dict[str, Any]:
    return {name: getattr(values, name) for name in (*COUNTED, *DERIVED)}


def _row(row: Row, dimension: str) -> dict[str, Any]:
    by_time = dimension in TIME_DIMENSIONS
    return {
        "id": None if by_time else row.key[0],
        "label": row.label,
        "code": row.codes.get(dimension) or None,
        "period_start": row.buckets.get(dimension),
        "figures": figures(row.figures),
    }


def _indicator(item: Indicator) -> dict[str, Any]:
    return {
        "key": item.key,
        "title": str(item.title),
        "max_points": item.max_points,
        "points": item.points,
        "share": item.share,
        "numerator": item.numerator,
        "denominator": item.denominator,
        "recorded": item.recorded,
        "formula": str(item.formula),
        "system_note": str(item.system_note),
    }


# --- Endpoints -------------------------------------------------------------------------


def _start(query: PublicFilterQuery) -> tuple[Scope, Filters, date]:
    scope, today = access.public_scope(), timezone.localdate()
    return scope, _filters(query, scope, today), today


@router.get(
    "/tables",
    response=answers(StatsTableOut, *ERRORS),
    summary="Bảng số liệu hồ sơ của trang thống kê công khai",
)
def public_table(request: HttpRequest, query: Query[TableQuery]) -> dict[str, Any]:
    scope, filters, today = _start(query)
    spec = SPEC_BY_DIMENSION[query.dimension]
    rows = report.figure_tables(scope, filters, (spec.dimension,), today)[spec.dimension]
    table = stats_table(spec, rows)  # the page's table: whether it has a totals row
    return {
        **_filters_out(filters, today),
        "dimension": spec.dimension,
        "title": str(spec.title),
        "heading": str(spec.heading),
        "rows": [_row(row, spec.dimension) for row in rows],
        "total": None if table.footer is None else figures(statistics.total(rows)),
        "note": str(table.note),
        "online_channel_recorded": statistics.ONLINE_CHANNEL_RECORDED,
        "payments_recorded": statistics.payments_recorded(),
        "ratings_recorded": statistics.ratings_recorded(),
    }


@router.get(
    "/indicators",
    response=answers(IndicatorsOut, *ERRORS),
    summary="Bộ chỉ số Quyết định 766/QĐ-TTg: điểm và cách tính",
)
def public_indicators(request: HttpRequest, query: Query[PublicFilterQuery]) -> dict[str, Any]:
    scope, filters, today = _start(query)
    rows = report.figure_tables(scope, filters, ("agency",), today)["agency"]
    card = report.scorecard(scope, filters, statistics.total(rows))
    return {
        **_filters_out(filters, today),
        "indicators": [_indicator(item) for item in card.indicators],
        "points": card.points,
        "max_scored": card.max_scored,
        "max_points": card.max_points,
    }
