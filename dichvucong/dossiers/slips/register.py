"""The dossier register (Sổ theo dõi hồ sơ: form 06 of Circular 01/2018, 07
of 03/2025, by the rules in force on the period's last day) of a period, on A4
landscape: one row per dossier received, the table heading repeated on
every page, totals by timeliness at the end."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

from django.utils import timezone
from fpdf.fonts import FontFace

from dichvucong.catalogue.calendar import office_calendar
from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.deadlines import Timeliness, timeliness
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.rules import Slip, rules_for
from dichvucong.dossiers.slips.pdf import FAMILY, LINE, SlipPDF, format_date

HEADINGS = [
    "STT",
    "Mã hồ sơ",
    "Thủ tục",
    "Người nộp",
    "Ngày nhận",
    "Ngày hẹn trả",
    "Ngày có kết quả",
    "Ngày trả",
    "Trạng thái",
    "Đúng/trễ hạn",
]
WIDTHS = [10, 36, 56, 36, 20, 28, 20, 20, 30, 21]


def _local_date(moment: datetime | None) -> str:
    return format_date(timezone.localdate(moment)) if moment else ""


def _due(dossier: Dossier) -> str:
    text = format_date(dossier.due_date)
    if dossier.extended_due_date:
        text += f"\nhẹn lại {format_date(dossier.extended_due_date)}"
    return text


def _row(number: int, dossier: Dossier, verdict: Timeliness) -> list[str]:
    return [
        str(number),
        dossier.code or "",
        dossier.procedure.name,
        dossier.applicant_name,
        _local_date(dossier.received_at),
        _due(dossier),
        _local_date(dossier.resolved_at),
        _local_date(dossier.returned_at),
        dossier.status_text,
        str(verdict.label) if verdict != Timeliness.NONE else "",
    ]


def register(
    dossiers: Iterable[Dossier], agency: Agency | None, date_from: date, date_to: date
) -> bytes:
    """The register of the given dossiers (the caller chooses and filters them)."""
    rows = sorted(dossiers, key=lambda d: (d.received_at is None, d.received_at, d.code or ""))
    today = timezone.localdate()
    calendar = office_calendar()
    verdicts = [timeliness(dossier, today, calendar) for dossier in rows]
    rules = rules_for(date_to)
    form = rules.forms[Slip.REGISTER]
    pdf = SlipPDF(
        title=form.title, form_number=form.label, landscape=True, basis=rules.basis(Slip.REGISTER)
    )
    if agency is not None:
        pdf.set_author(agency.name)
        pdf.letterhead(agency, today)
    pdf.heading(subtitle=f"Từ ngày {format_date(date_from)} đến ngày {format_date(date_to)}")
    pdf.set_font(FAMILY, "", 7.5)
    heading = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
    with pdf.table(
        col_widths=WIDTHS,
        width=sum(WIDTHS),
        line_height=3.6,
        padding=1,
        headings_style=heading,
        text_align="LEFT",
        repeat_headings=1,
    ) as table:
        table.row(HEADINGS)
        for number, (dossier, verdict) in enumerate(zip(rows, verdicts, strict=True), start=1):
            table.row(_row(number, dossier, verdict))
    _totals(pdf, verdicts)
    return pdf.to_bytes()


def _totals(pdf: SlipPDF, verdicts: list[Timeliness]) -> None:
    counts = Counter(verdicts)
    parts = [f"{kind.label}: {counts[kind]}" for kind in Timeliness if counts[kind]]
    if pdf.will_page_break(3 * LINE):
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(FAMILY, "B", 9)
    pdf.cell(0, LINE, f"Tổng số hồ sơ: {len(verdicts)}", new_x="LMARGIN", new_y="NEXT")
    if parts:
        pdf.paragraph("Trong đó: " + "; ".join(parts) + ".", align="L")
