"""The subject's copy of what is held about them: a ZIP with one
machine-readable JSON file and the files they uploaded, and a readable PDF
in the project's PDF machinery (documents/pdf.py: fpdf2, the embedded
Liberation Serif, so the Vietnamese prints and extracts back)."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from dichvucong.documents.layout import A4, MARGINS_A4, Paragraph, Table
from dichvucong.documents.pdf import OfficialPDF, paragraph, table
from dichvucong.rights.inventory import HeldData

FORMAT_VERSION = 1
TITLE = "Dữ liệu cá nhân của tôi"


def as_json(data: HeldData) -> bytes:
    content = asdict(data)
    content.pop("attachment_objects")
    content = {"format": FORMAT_VERSION, "exported_at": timezone.now(), **content}
    return json.dumps(content, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def pupil_json(content: dict[str, Any]) -> bytes:
    content = {"format": FORMAT_VERSION, "exported_at": timezone.now(), **content}
    return json.dumps(content, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def as_zip(data: HeldData) -> bytes:
    """du-lieu.json, and each uploaded file under tep/<dossier>/<n>-<name>;
    a file missing from storage is listed in the JSON, not in the ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("du-lieu.json", as_json(data))
        for number, attachment in enumerate(data.attachment_objects, start=1):
            folder = data.files[number - 1]["dossier"] or "nhap"
            try:
                with attachment.file.open("rb") as handle:
                    content = handle.read()
            except (FileNotFoundError, OSError):
                continue
            name = attachment.original_name.replace("/", "_")
            archive.writestr(f"tep/{folder}/{number}-{name}", content)
    return buffer.getvalue()


def shown(value: Any) -> str:
    """A value as a person reads it: dd/mm/yyyy, yes/no, dashes for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dict):
        return "; ".join(f"{k}: {shown(v)}" for k, v in value.items())
    return str(value)


ACCOUNT_LABELS = {
    "kind": "Loại tài khoản",
    "username": "Tên đăng nhập",
    "full_name": "Họ và tên",
    "email": "Thư điện tử",
    "date_joined": "Ngày tạo tài khoản",
    "last_login": "Đăng nhập gần nhất",
    "id_number": "Số định danh cá nhân",
    "date_of_birth": "Ngày sinh",
    "phone": "Số điện thoại",
    "address": "Địa chỉ",
    "assurance": "Mức xác thực",
    "notify_by_zalo": "Nhận thông báo qua Zalo",
    "organisation": "Tên tổ chức",
    "tax_code": "Mã số thuế",
    "representative": "Người đại diện",
    "national_eid_linked_at": "Liên kết VNeID từ",
}

# (section heading, HeldData field, [(column, key)], relative widths)
SECTIONS: list[tuple[str, str, list[tuple[str, str]], list[float]]] = [
    (
        "Hồ sơ",
        "dossiers",
        [
            ("Mã", "code"),
            ("Thủ tục", "procedure"),
            ("Cơ quan", "agency"),
            ("Trạng thái", "status"),
            ("Nộp lúc", "submitted_at"),
        ],
        [2, 3, 3, 2, 2],
    ),
    (
        "Tệp đã tải lên",
        "files",
        [
            ("Hồ sơ", "dossier"),
            ("Tên tệp", "name"),
            ("Cỡ (byte)", "size"),
            ("Tải lên lúc", "uploaded_at"),
        ],
        [2, 4, 1.5, 2],
    ),
    (
        "Kết quả",
        "results",
        [("Hồ sơ", "dossier"), ("Mã xác thực", "verification_code"), ("Ban hành lúc", "issued_at")],
        [2, 2, 2],
    ),
    (
        "Thanh toán",
        "payments",
        [
            ("Hồ sơ", "dossier"),
            ("Số tiền (đồng)", "amount"),
            ("Trạng thái", "status"),
            ("Lúc", "paid_at"),
        ],
        [2, 2, 2, 2],
    ),
    (
        "Lịch hẹn",
        "bookings",
        [("Mã", "code"), ("Cơ quan", "agency"), ("Ngày", "day"), ("Trạng thái", "status")],
        [1.5, 3, 1.5, 2],
    ),
    (
        "Thông báo đã gửi",
        "notifications",
        [("Kênh", "channel"), ("Tới", "recipient"), ("Tiêu đề", "subject"), ("Lúc", "created_at")],
        [1.5, 2.5, 4, 2],
    ),
    (
        "Người hỗ trợ đã nộp giúp",
        "helpers",
        [("Hồ sơ", "dossier"), ("Người hỗ trợ", "helper"), ("Lúc", "at")],
        [2, 4, 2],
    ),
    (
        "Cán bộ đã xử lý hồ sơ (cơ quan, vai trò)",
        "staff_actions",
        [
            ("Hồ sơ", "dossier"),
            ("Cơ quan", "office"),
            ("Vai trò", "role"),
            ("Việc", "what"),
            ("Lúc", "at"),
        ],
        [2, 3, 2, 3, 2],
    ),
    (
        "Yêu cầu về dữ liệu cá nhân",
        "requests",
        [
            ("Loại", "kind"),
            ("Trạng thái", "status"),
            ("Nhận lúc", "received_at"),
            ("Hạn", "due_at"),
        ],
        [2, 2, 2, 2],
    ),
]


def as_pdf(data: HeldData) -> bytes:
    pdf = OfficialPDF(TITLE, A4, MARGINS_A4)
    pdf.set_author("dichvucong")
    pdf.add_page()
    paragraph(pdf, Paragraph(TITLE.upper(), bold=True, align="center", indent=False))
    paragraph(
        pdf,
        Paragraph(
            f"Trích xuất lúc {shown(timezone.now())}.", italic=True, align="center", indent=False
        ),
    )
    paragraph(pdf, Paragraph("Tài khoản", bold=True, indent=False))
    rows = [[ACCOUNT_LABELS.get(k, k), shown(v)] for k, v in data.account.items()]
    table(pdf, Table(["Mục", "Nội dung"], rows, [2, 4]))
    for heading, name, columns, widths in SECTIONS:
        items = getattr(data, name)
        paragraph(pdf, Paragraph(heading, bold=True, indent=False))
        if not items:
            paragraph(pdf, Paragraph("Không có.", italic=True, indent=False))
            continue
        body = [[shown(item.get(key)) for _label, key in columns] for item in items]
        table(pdf, Table([label for label, _key in columns], body, widths))
    return bytes(pdf.output())
