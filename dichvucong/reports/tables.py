"""Report tables, defined once and rendered as HTML, CSV and XLSX alike.

A table holds raw values with a kind per column; each output formats them
its own way (XLSX keeps numbers as numbers, the page and CSV write them as
Vietnamese readers do)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from dichvucong.reports.formatting import (
    format_count,
    format_date,
    format_decimal,
    format_share,
)
from dichvucong.reports.indicators import Scorecard
from dichvucong.reports.statistics import Figures, Row, total

TEXT, COUNT, SHARE, POINTS, DATE = "text", "count", "share", "points", "date"


@dataclass(frozen=True)
class Column:
    title: str | Promise
    kind: str = TEXT

    @property
    def numeric(self) -> bool:
        return self.kind in (COUNT, SHARE, POINTS)


@dataclass
class Table:
    slug: str  # ?bang=<slug> on the page; the file is named after it
    title: str | Promise
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    footer: list[Any] | None = None  # a totals row, if the rows add up
    note: str | Promise = ""

    @property
    def headers(self) -> list[str]:
        return [str(column.title) for column in self.columns]

    def display(self, values: Sequence[Any]) -> list[tuple[str, bool]]:
        """(text, numeric) per cell, for the page and the CSV file."""
        return [
            (display_value(c.kind, v), c.numeric) for c, v in zip(self.columns, values, strict=True)
        ]

    @property
    def display_rows(self) -> list[list[tuple[str, bool]]]:
        return [self.display(row) for row in self.rows]

    @property
    def display_footer(self) -> list[tuple[str, bool]] | None:
        return self.display(self.footer) if self.footer else None


def display_value(kind: str, value: Any) -> str:
    if kind == COUNT:
        return format_count(value)
    if kind == SHARE:
        return format_share(value)
    if kind == POINTS:
        return format_decimal(value, 2)
    if kind == DATE:
        return format_date(value)
    return "" if value is None else str(value)


# --- Statistics tables --------------------------------------------------------------

FigureColumn = tuple[str | Promise, str, Callable[[Figures], Any]]

FIGURE_COLUMNS: list[FigureColumn] = [
    (_("Tiếp nhận"), COUNT, lambda f: f.received),
    (_("Đã giải quyết"), COUNT, lambda f: f.resolved),
    (_("Trước hạn"), COUNT, lambda f: f.early),
    (_("Đúng hạn"), COUNT, lambda f: f.on_time),
    (_("Trễ hạn"), COUNT, lambda f: f.late),
    (_("Tỷ lệ đúng hạn"), SHARE, lambda f: f.on_time_share),
    (_("Đang xử lý trong hạn"), COUNT, lambda f: f.not_due),
    (_("Đang xử lý quá hạn"), COUNT, lambda f: f.overdue),
    (_("Chờ bổ sung"), COUNT, lambda f: f.paused),
    (_("Tỷ lệ nộp trực tuyến"), SHARE, lambda f: f.online_share),
    (_("Tỷ lệ mức độ 4"), SHARE, lambda f: f.level4_share),
    (_("Tỷ lệ thanh toán trực tuyến"), SHARE, lambda f: f.online_payment_share),
    (_("Tỷ lệ hài lòng"), SHARE, lambda f: f.satisfaction_share),
]


@dataclass(frozen=True)
class StatsTable:
    """A statistics table offered on the pages: its slug in the URL
    (?bang=...), the dimension it groups by, its titles."""

    slug: str
    dimension: str
    title: str | Promise
    heading: str | Promise


STATS_TABLES = [
    StatsTable("co-quan", "agency", _("Theo cơ quan"), _("Cơ quan")),
    StatsTable("dia-ban", "ward", _("Theo địa bàn"), _("Địa bàn")),
    StatsTable("linh-vuc", "field", _("Theo lĩnh vực"), _("Lĩnh vực")),
    StatsTable("thu-tuc", "procedure", _("Theo thủ tục"), _("Thủ tục")),
    StatsTable("thang", "month", _("Theo tháng"), _("Tháng")),
    StatsTable("nam", "year", _("Theo năm"), _("Năm")),
]
STATS_BY_SLUG = {spec.slug: spec for spec in STATS_TABLES}


def figures_row(label: str | Promise, figures: Figures) -> list[Any]:
    return [label, *(getter(figures) for _title, _kind, getter in FIGURE_COLUMNS)]


def stats_table(spec: StatsTable, rows: list[Row]) -> Table:
    columns = [Column(spec.heading), *(Column(title, kind) for title, kind, _ in FIGURE_COLUMNS)]
    table = Table(
        spec.slug,
        spec.title,
        columns,
        [figures_row(row.label, row.figures) for row in rows],
    )
    if spec.dimension in ("month", "year"):
        # A dossier open for two months is in both snapshots: no sum.
        table.note = _("Số đang xử lý của mỗi tháng, năm tính tại ngày cuối kỳ đó.")
    elif rows:
        table.footer = figures_row(_("Tổng cộng"), total(rows))
    return table


# --- Indicators and the overdue list --------------------------------------------------


def indicators_table(card: Scorecard) -> Table:
    columns = [
        Column(_("Nhóm chỉ số")),
        Column(_("Điểm tối đa"), COUNT),
        Column(_("Điểm đạt"), POINTS),
        Column(_("Tỷ lệ"), SHARE),
        Column(_("Tử số"), COUNT),
        Column(_("Mẫu số"), COUNT),
        Column(_("Cách tính")),
        Column(_("Cách tính của hệ thống")),
    ]
    rows = [
        [
            i.title,
            i.max_points,
            i.points,
            i.share,
            i.numerator,
            i.denominator,
            i.formula,
            i.system_note,
        ]
        for i in card.indicators
    ]
    footer = [
        _("Tổng điểm các nhóm có số liệu"),
        card.max_scored,
        card.points,
        None,
        None,
        None,
        "",
        "",
    ]
    return Table("chi-so-766", _("Bộ chỉ số Quyết định 766/QĐ-TTg"), columns, rows, footer)


def overdue_table(dossiers: Sequence[Any], agency_names: dict[int, str], today: date) -> Table:
    """Dossiers past their due date, for the staff who hold them. No
    applicant data: the code leads to the dossier for those allowed. A
    dossier in `agency_names` is named by that agency (today's, for one
    of an ended agency), the others by their own."""
    columns = [
        Column(_("Mã hồ sơ")),
        Column(_("Thủ tục")),
        Column(_("Cơ quan")),
        Column(_("Ngày tiếp nhận"), DATE),
        Column(_("Hạn trả"), DATE),
        Column(_("Số ngày quá hạn (ngày lịch)"), COUNT),
        Column(_("Cán bộ đang giữ hồ sơ")),
    ]
    rows = [
        [
            d.code,
            d.procedure.name,
            agency_names.get(d.pk, d.agency.name),
            _local_date(d.received_at),
            d.current_due,
            (today - d.current_due).days,
            d.holder.get_full_name() if d.holder else "",
        ]
        for d in dossiers
    ]
    return Table("ho-so-qua-han", _("Hồ sơ đang xử lý quá hạn"), columns, rows)


def _local_date(moment: Any) -> date | None:
    return timezone.localdate(moment) if moment else None
