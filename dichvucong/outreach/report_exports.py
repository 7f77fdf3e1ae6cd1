"""The year-end report as XLSX (a summary sheet, the dossiers by ward and a
sheet per school) and as an A4 PDF, from a `report.Presentation`, so a file
holds exactly what its reader may see on the page: the same schools,
numbers and names, and the wards' table in the view the page showed
(report_wards.WardTable: of the time or today's)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from dichvucong.dossiers.slips.pdf import FAMILY
from dichvucong.lib import disclosure
from dichvucong.outreach.pdf import TextPDF
from dichvucong.outreach.report import Figures, Presentation, SchoolRow
from dichvucong.outreach.report_wards import WardTable
from dichvucong.reports.formatting import format_count, format_share

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"
# The figures of every table, in order, with their Vietnamese headers.
COLUMNS: list[tuple[str, Any]] = [
    ("pupils", gettext_lazy("Số học sinh")),
    ("erased", gettext_lazy("Trong đó đã xóa dữ liệu")),
    ("trained", gettext_lazy("Đã dự tuyên truyền")),
    ("practised", gettext_lazy("Đã thực hành")),
    ("succeeded", gettext_lazy("Học sinh thực hiện thành công")),
    ("dossiers", gettext_lazy("Số hồ sơ thành công")),
    ("households", gettext_lazy("Số hộ được hỗ trợ")),
    ("pending", gettext_lazy("Hồ sơ còn đang giải quyết (chưa tính)")),
]
SHEET_NAME_MAX = 31
# Column widths in mm on A4 portrait with 18 mm margins (174 mm of text).
FIRST_COLUMN = 40.0
HEADING_KEEP = 40.0
BOLD = FontFace(emphasis="BOLD")
LISTING_WIDTHS = (11.0, 46.0, 53.0, 16.0, 24.0, 24.0)
ANONYMOUS_WIDTHS = (12.0, 90.0, 36.0, 36.0)
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def figure_values(figures: Figures) -> list[int]:
    return [getattr(figures, name) for name, _label in COLUMNS]


def headers(first: str) -> list[str]:
    return [first, *(str(label) for _name, label in COLUMNS)]


def state_line(shown: Presentation) -> str:
    """ "Bản nháp (số liệu tại 12:00 31/05/2017)", or the state with its dates."""
    row = shown.row
    text = str(row.get_state_display())
    if row.approved_at:
        return f"{text} – {_('phê duyệt ngày')} {_day(row.approved_at)}"
    if row.submitted_at:
        return f"{text} – {_('gửi ngày')} {_day(row.submitted_at)}"
    moment = timezone.localtime(shown.report.generated_at).strftime("%H:%M %d/%m/%Y")
    return f"{text} ({_('số liệu tại')} {moment})"


def _day(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y")


def criteria_lines(shown: Presentation) -> list[str]:
    criteria = shown.report.criteria
    lines = [
        _("Có ít nhất %(n)s hồ sơ thành công") % {"n": criteria.min_dossiers},
        _("Hỗ trợ ít nhất %(n)s hộ") % {"n": criteria.min_households},
    ]
    if criteria.require_trained:
        lines.append(_("Đã dự buổi tuyên truyền"))
    if criteria.quota_per_school is not None:
        lines.append(_("Tối đa %(n)s học sinh mỗi trường") % {"n": criteria.quota_per_school})
    return lines


def file_name(shown: Presentation, extension: str) -> str:
    return f"bao-cao-tuyen-truyen-{shown.report.campaign_id}-{shown.row.state}.{extension}"


def total_label(shown: Presentation) -> str:
    return _("Toàn quận") if shown.whole else _("Cộng")


@dataclass(frozen=True)
class TableRow:
    """One row of a figures table on a page: each cell with its header,
    which the phone layout writes beside the number."""

    name: str
    cells: list[tuple[str, int]]
    url: str = ""  # the dossiers behind the row's figures, on pages that link them


def table_rows(items: Iterable[tuple[str, Figures]]) -> list[TableRow]:
    labels = [str(label) for _name, label in COLUMNS]
    return [
        TableRow(name, list(zip(labels, figure_values(figures), strict=True)))
        for name, figures in items
    ]


# --- XLSX -------------------------------------------------------------------------------


def xlsx_bytes(shown: Presentation, wards: WardTable | None = None) -> bytes:
    workbook = Workbook()
    _summary_sheet(workbook.active, shown)
    used = {workbook.active.title}
    if wards is not None:
        sheet = workbook.create_sheet(_sheet_title(_("Theo phường"), used))
        _ward_sheet(sheet, wards)
    for school in shown.report.schools:
        sheet = workbook.create_sheet(_sheet_title(school.name, used))
        _school_sheet(sheet, shown, school)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str, used: set[str]) -> str:
    """Excel refuses some characters and names over 31 characters."""
    base = SHEET_NAME_FORBIDDEN.sub(" ", name).strip()[:SHEET_NAME_MAX] or "Trường"
    title, number = base, 2
    while title in used:
        suffix = f" ({number})"
        title, number = base[: SHEET_NAME_MAX - len(suffix)] + suffix, number + 1
    used.add(title)
    return title


def _bold_row(sheet: Worksheet, values: Sequence[Any]) -> None:
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def _summary_sheet(sheet: Worksheet, shown: Presentation) -> None:
    report = shown.report
    sheet.title = _("Tổng hợp")
    _bold_row(sheet, [_("Báo cáo kết quả tuyên truyền dịch vụ công trực tuyến")])
    sheet.append([_("Chiến dịch"), report.campaign_title])
    sheet.append([_("Năm học"), report.school_year])
    sheet.append([_("Tiêu chí hoàn thành"), report.success_rule_label])
    sheet.append([_("Trạng thái"), state_line(shown)])
    sheet.append([])
    _bold_row(sheet, headers(_("Trường")))
    for school in report.schools:
        sheet.append([school.name, *figure_values(school.figures)])
    _bold_row(sheet, [total_label(shown), *figure_values(shown.totals)])
    sheet.append([])
    if shown.whole:
        sheet.append([_("Số học sinh dự kiến"), report.target_pupils])
        sheet.append([_("Tỉ lệ đạt mục tiêu (đã dự tuyên truyền)"), report.target_share])
        sheet.cell(sheet.max_row, 2).number_format = "0.0%"
    sheet.append([_("Tiêu chí khen thưởng"), "; ".join(criteria_lines(shown))])
    sheet.append([_("Số học sinh đề nghị khen thưởng"), len(report.commendations)])
    sheet.column_dimensions["A"].width = 34


def ward_title(wards: WardTable) -> str:
    return _("Hồ sơ theo phường của hộ được hỗ trợ (%(view)s)") % {"view": wards.view_label}


WARD_HEADERS = (
    gettext_lazy("Phường"),
    gettext_lazy("Hồ sơ thành công"),
    gettext_lazy("Còn đang giải quyết"),
)


def _ward_values(wards: WardTable) -> tuple[list[list[Any]], list[Any]]:
    rows = [[row.name, row.dossiers, row.pending] for row in wards.rows]
    total = wards.total
    return rows, [total.name, total.dossiers, total.pending]


def _ward_sheet(sheet: Worksheet, wards: WardTable) -> None:
    _bold_row(sheet, [ward_title(wards)])
    sheet.append([])
    _bold_row(sheet, [str(header) for header in WARD_HEADERS])
    rows, footer = _ward_values(wards)
    for values in rows:
        sheet.append(values)
    _bold_row(sheet, footer)
    if wards.merged:
        sheet.append([str(disclosure.NOTE)])
    sheet.column_dimensions["A"].width = 40


def _school_sheet(sheet: Worksheet, shown: Presentation, school: SchoolRow) -> None:
    _bold_row(sheet, [school.name])
    sheet.append([_("Năm học"), shown.report.school_year])
    sheet.append([])
    _bold_row(sheet, headers(_("Lớp")))
    for row in school.classes:
        sheet.append([row.name, *figure_values(row.figures)])
    _bold_row(sheet, [_("Toàn trường"), *figure_values(school.figures)])
    if shown.classes_merged:
        sheet.append([str(disclosure.NOTE)])
    sheet.append([])
    _bold_row(sheet, [_("Danh sách đề nghị khen thưởng")])
    _bold_row(sheet, _listing_headers(shown))
    for line in shown.listed():
        if line.school == school.name:
            sheet.append(_listing_values(shown, line))
    sheet.column_dimensions["A"].width = 24


def _listing_headers(shown: Presentation) -> list[str]:
    named = [_("Họ và tên"), _("Lớp")] if shown.names is not None else []
    return [_("STT"), *named, _("Số hồ sơ thành công"), _("Số hộ được hỗ trợ")]


def _listing_values(shown: Presentation, line: Any) -> list[Any]:
    named = [line.name, line.class_name] if shown.names is not None else []
    return [line.number, *named, line.dossiers, line.households]


# --- PDF ----------------------------------------------------------------------------------


def pdf_bytes(shown: Presentation, wards: WardTable | None = None) -> bytes:
    report = shown.report
    title = _("Báo cáo kết quả tuyên truyền dịch vụ công trực tuyến")
    pdf = TextPDF(title)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.title_block(title.upper(), f"{report.campaign_title} – {_('năm học')} {report.school_year}")
    _pdf_facts(pdf, shown)
    _pdf_heading(pdf, _("1. Tổng hợp theo trường"))
    rows = [[s.name, *figure_values(s.figures)] for s in report.schools]
    _pdf_table(pdf, headers(_("Trường")), rows, [total_label(shown), *figure_values(shown.totals)])
    if wards is not None:
        _pdf_wards(pdf, wards)
    for number, school in enumerate(report.schools, start=1):
        _pdf_heading(pdf, f"2.{number}. {school.name}")
        rows = [[c.name, *figure_values(c.figures)] for c in school.classes]
        _pdf_table(pdf, headers(_("Lớp")), rows, [_("Toàn trường"), *figure_values(school.figures)])
        if shown.classes_merged:
            pdf.set_font(FAMILY, "", 9)
            pdf.multi_cell(0, 5, str(disclosure.NOTE), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _pdf_commendations(pdf, shown)
    return bytes(pdf.output())


def _pdf_wards(pdf: TextPDF, wards: WardTable) -> None:
    _pdf_heading(pdf, ward_title(wards))
    rows, footer = _ward_values(wards)
    head = [str(header) for header in WARD_HEADERS]
    rest = (pdf.epw - 90.0) / 2
    _pdf_table(pdf, head, rows, footer, widths=(90.0, rest, rest))
    if wards.merged:
        pdf.set_font(FAMILY, "", 9)
        pdf.multi_cell(0, 5, str(disclosure.NOTE), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _pdf_facts(pdf: TextPDF, shown: Presentation) -> None:
    report = shown.report
    facts = [
        (_("Trạng thái"), state_line(shown)),
        (_("Tiêu chí hoàn thành"), report.success_rule_label),
    ]
    if shown.whole and report.target_pupils:
        reached = _("%(trained)s / %(target)s học sinh dự kiến (%(share)s)") % {
            "trained": format_count(shown.totals.trained),
            "target": format_count(report.target_pupils),
            "share": format_share(report.target_share),
        }
        facts.append((_("Đã dự tuyên truyền"), reached))
    for label, value in facts:
        pdf.set_font(FAMILY, "B", 10)
        pdf.write(5.5, f"{label}: ")
        pdf.set_font(FAMILY, "", 10)
        pdf.write(5.5, value)
        pdf.ln(5.5)


def _pdf_heading(pdf: TextPDF, text: str) -> None:
    # A heading never ends a page alone: its table's head must fit below it.
    if pdf.will_page_break(HEADING_KEEP):
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FAMILY, "B", 11)
    pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _pdf_table(
    pdf: TextPDF,
    head: list[str],
    rows: list[list[Any]],
    footer: list[Any] | None = None,
    widths: Sequence[float] | None = None,
) -> None:
    """A bordered table, the first column a name, the others numbers."""
    if widths is None:
        rest = (pdf.epw - FIRST_COLUMN) / (len(head) - 1)
        widths = (FIRST_COLUMN, *(rest,) * (len(head) - 1))
    align = tuple("RIGHT" if isinstance(v, int) else "LEFT" for v in (rows or [head])[0])
    pdf.set_font(FAMILY, "", 8)
    with pdf.table(col_widths=tuple(widths), text_align=align, line_height=4.2) as table:
        table.row([str(cell) for cell in head])
        for values in rows:
            table.row([_cell(value) for value in values])
        if footer:
            table.row([_cell(value) for value in footer], style=BOLD)


def _cell(value: Any) -> str:
    return format_count(value) if isinstance(value, int) else str(value)


def _pdf_commendations(pdf: TextPDF, shown: Presentation) -> None:
    _pdf_heading(pdf, _("3. Danh sách đề nghị khen thưởng"))
    pdf.set_font(FAMILY, "", 9)
    pdf.multi_cell(
        0,
        5,
        _("Tiêu chí: %(rule)s.") % {"rule": "; ".join(criteria_lines(shown))},
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    lines = shown.listed()
    if not lines:
        pdf.multi_cell(0, 5, _("Chưa có học sinh đạt tiêu chí."))
        return
    head = [_("STT"), _("Trường"), *_listing_headers(shown)[1:]]
    rows = [[line.number, line.school, *_listing_values(shown, line)[1:]] for line in lines]
    named = shown.names is not None
    _pdf_table(pdf, head, rows, widths=LISTING_WIDTHS if named else ANONYMOUS_WIDTHS)
