"""The year-end report and the commendation it asks for, as official
documents in Decree 30/2020's layout (dichvucong.documents):

- the report (BÁO CÁO) the education office sends to the district: number
  from the office's register once submitted, dated the day it was sent;
  a draft leaves number and day blank;
- the draft decision (QUYẾT ĐỊNH) on commending the listed pupils, for the
  district chairman to sign: number, day and signer's name left blank.

Both read the whole campaign with the pupils' names: only the education
office leading the campaign and, once the report is sent, the district
leadership may have them (`may_have`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from dichvucong.catalogue.models import Agency
from dichvucong.documents.layout import (
    OfficialDocument,
    Paragraph,
    Signer,
    Table,
    place_name,
)
from dichvucong.documents.numbering import number_of
from dichvucong.outreach import report
from dichvucong.outreach.constants import DECISION_SYMBOL, REPORT_SYMBOL, ReportState
from dichvucong.outreach.models import Campaign, YearEndReport
from dichvucong.outreach.report_exports import COLUMNS, criteria_lines, figure_values

ISSUER_SHORT = "PGDĐT"
SHORT_COLUMNS = [
    "Số học sinh",
    "Đã xóa dữ liệu",
    "Đã dự tuyên truyền",
    "Đã thực hành",
    "HS thành công",
    "Hồ sơ thành công",
    "Hộ được hỗ trợ",
    "Còn đang giải quyết (chưa tính)",
]
FIGURE_WIDTHS = [3.2, *[1.1] * len(COLUMNS)]


def may_have(user: Any, campaign: Campaign) -> bool:
    if report.may_manage(user, campaign):
        return True
    # The state alone: building the live report to read it would cost ten queries.
    state = YearEndReport.objects.filter(campaign=campaign).values_list("state", flat=True).first()
    return report.may_approve(user, campaign) and state not in (None, ReportState.DRAFT)


def _committee(office: Agency) -> Agency:
    return office.parent or office


def _names(shown: report.Presentation) -> dict[int, str]:
    return shown.names or {}


# --- The report ------------------------------------------------------------------------


def report_document(campaign: Campaign) -> OfficialDocument:
    shown = report.present_all(campaign, with_names=True)
    office = campaign.lead_agency
    committee = _committee(office)
    sent = shown.row.submitted_at
    number = number_of(report.report_reference(shown.row)) if shown.frozen else None
    return OfficialDocument(
        parent_body=committee.name,
        issuing_body=office.name,
        symbol=REPORT_SYMBOL,
        place=place_name(office.admin_unit.name),
        kind="Báo cáo",
        subject=f"Kết quả tuyên truyền, hướng dẫn sử dụng dịch vụ công trực tuyến\n"
        f"cho học sinh năm học {shown.report.school_year}",
        body=_report_body(shown, committee),
        signer=Signer("TRƯỞNG PHÒNG"),
        recipients=[f"{committee.name} (để báo cáo)", "Các trường THCS tham gia"],
        number=number.number if number else None,
        day=timezone.localdate(sent) if sent and shown.frozen else None,
        year=timezone.localdate().year,
        archive=f"VT, {ISSUER_SHORT}",
        draft=not shown.frozen,
    )


def _report_body(shown: report.Presentation, committee: Agency) -> list[Any]:
    data = shown.report
    totals = shown.totals
    return [
        Paragraph(
            f"Thực hiện chiến dịch “{data.campaign_title}”, {shown.row.campaign.lead_agency.name} "
            f"báo cáo {committee.name} kết quả năm học {data.school_year} như sau:"
        ),
        Paragraph("I. KẾT QUẢ THEO TRƯỜNG", bold=True, indent=False),
        Paragraph(f"Tiêu chí hoàn thành: {data.success_rule_label}.", italic=True),
        Table(
            ["Trường", *SHORT_COLUMNS],
            [[s.name, *figure_values(s.figures)] for s in data.schools],
            FIGURE_WIDTHS,
            ["Toàn quận", *figure_values(totals)],
        ),
        Paragraph("II. ĐỀ NGHỊ KHEN THƯỞNG", bold=True, indent=False),
        Paragraph(f"Tiêu chí khen thưởng: {'; '.join(criteria_lines(shown))}."),
        *_listing(shown),
        Paragraph(
            f"{shown.row.campaign.lead_agency.name} kính đề nghị {committee.name} xem xét, "
            f"khen thưởng các học sinh có tên trong danh sách trên./."
        ),
    ]


def _listing(shown: report.Presentation) -> list[Any]:
    lines = shown.listed()
    if not lines:
        return [Paragraph("Năm học này chưa có học sinh đạt tiêu chí khen thưởng.")]
    rows = [[n.number, n.name, n.class_name, n.school, n.dossiers, n.households] for n in lines]
    return [
        Table(
            ["STT", "Họ và tên", "Lớp", "Trường", "Số hồ sơ", "Số hộ"],
            rows,
            [0.8, 3, 1, 3, 1.2, 1],
        )
    ]


# --- The draft decision -----------------------------------------------------------------


def decision_document(campaign: Campaign) -> OfficialDocument:
    shown = report.present_all(campaign, with_names=True)
    office = campaign.lead_agency
    committee = _committee(office)
    district = place_name(committee.admin_unit.name)
    return OfficialDocument(
        parent_body="",
        issuing_body=_committee_heading(committee),
        symbol=DECISION_SYMBOL,
        place=district,
        kind="Quyết định",
        subject="Về việc khen thưởng học sinh có thành tích trong chiến dịch\n"
        "tuyên truyền, hướng dẫn sử dụng dịch vụ công trực tuyến",
        authority_line=f"Chủ tịch {_committee_name(committee)}",
        body=_decision_body(shown, office, committee),
        signer=Signer("CHỦ TỊCH", authority="TM. ỦY BAN NHÂN DÂN"),
        recipients=["Như Điều 3", "Chủ tịch, các Phó Chủ tịch UBND quận"],
        year=timezone.localdate().year,
        archive="VT",
        draft=True,
    )


def _committee_name(committee: Agency) -> str:
    """ "UBND quận Thanh Xuân" written out: "Ủy ban nhân dân quận Thanh Xuân"."""
    name = committee.name
    if name.upper().startswith("UBND "):
        return "Ủy ban nhân dân " + name[5:]
    return name


def _committee_heading(committee: Agency) -> str:
    """The issuer in two lines, as a committee's letterhead reads:
    ỦY BAN NHÂN DÂN / QUẬN THANH XUÂN."""
    name = _committee_name(committee).upper()
    head = "ỦY BAN NHÂN DÂN "
    return head.strip() + "\n" + name[len(head) :] if name.startswith(head) else name


def _decision_body(shown: report.Presentation, office: Agency, committee: Agency) -> list[Any]:
    school_year = shown.report.school_year
    return [
        # The laws in force depend on the year: the draft names them, the
        # office completes number and date in the DOCX before signature.
        Paragraph("Căn cứ Luật Tổ chức chính quyền địa phương;", italic=True),
        Paragraph("Căn cứ Luật Thi đua, khen thưởng;", italic=True),
        Paragraph(
            f"Căn cứ kết quả chiến dịch “{shown.report.campaign_title}” năm học {school_year};",
            italic=True,
        ),
        Paragraph(f"Theo đề nghị của Trưởng {office.name}.", italic=True),
        Paragraph("QUYẾT ĐỊNH:", bold=True, align="center", indent=False),
        Paragraph(
            f"Khen thưởng {len(shown.listed())} học sinh đã hoàn thành tốt nhiệm vụ “Đại sứ số”, "
            f"hướng dẫn người dân sử dụng dịch vụ công trực tuyến năm học {school_year} "
            "(danh sách theo từng trường dưới đây).",
            lead="Điều 1.",
        ),
        *_per_school(shown),
        Paragraph(
            "Quyết định này có hiệu lực kể từ ngày ký.",
            lead="Điều 2.",
        ),
        Paragraph(
            f"Chánh Văn phòng HĐND và UBND quận, Trưởng {office.name}, Hiệu trưởng các trường "
            "có tên tại Điều 1 và các học sinh có tên trên chịu trách nhiệm thi hành "
            "Quyết định này./.",
            lead="Điều 3.",
        ),
    ]


def _per_school(shown: report.Presentation) -> Sequence[Any]:
    names = _names(shown)
    blocks: list[Any] = []
    for school in shown.report.schools:
        listed = [c for c in shown.report.commendations if c.school_id == school.school_id]
        if not listed:
            continue
        blocks.append(Paragraph(f"{school.name} ({len(listed)} học sinh)", bold=True))
        rows = [
            [n, names.get(c.pupil_id, ""), c.class_name, c.dossiers]
            for n, c in enumerate(listed, start=1)
        ]
        blocks.append(
            Table(["STT", "Họ và tên", "Lớp", "Số hồ sơ đã hỗ trợ"], rows, [1, 5, 1.5, 2])
        )
    return blocks


def file_name(kind: str, campaign: Campaign, extension: str) -> str:
    return f"{kind}-chien-dich-{campaign.pk}.{extension}"
