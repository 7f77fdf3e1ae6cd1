"""The processing record and the impact assessment, written into docs/
from the registry and the settings (manage.py privacy_records). The
committed files must be what the code generates: a test fails on drift,
as `export_openapi --check` does for the API."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils import translation

from dichvucong.privacy.notices import CONTROLLER, all_notices
from dichvucong.privacy.registry import PURPOSES, Purpose, fields_of_purpose, retention_lines

DOCS = Path(settings.BASE_DIR) / "docs"
RECORD = DOCS / "processing-record.md"
ASSESSMENT = DOCS / "impact-assessment.md"

HEADER = (
    "<!-- Sinh tự động bởi `python manage.py privacy_records` từ "
    "dichvucong/privacy/registry/ và các thiết lập RETENTION_*. Đừng sửa tay. -->\n\n"
)

SOURCES = """## Nguồn

- Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (thông qua 26/06/2025, hiệu lực
  01/01/2026): Điều 1 và Điều 2 khoản 1 (định nghĩa dữ liệu cá nhân) đọc trên văn bản
  đăng ở thuviennhadat.vn; Điều 4 (quyền đồng ý, không đồng ý, rút lại đồng ý) theo
  trích dẫn của thanhnien.vn; các trường hợp công khai dữ liệu (Điều 16) theo plo.vn.
- Nghị định 13/2023/NĐ-CP: Điều 2 khoản 3 (dữ liệu cá nhân cơ bản), khoản 7 (xử lý
  dữ liệu cá nhân), Điều 24 khoản 1 (lập và lưu hồ sơ đánh giá tác động từ khi bắt đầu
  xử lý) theo bài viết của luatvietan.vn và baovedlcn.vn, không đọc văn bản gốc;
  Điều 20 (trẻ em từ đủ 7 tuổi cần cả ý kiến của trẻ) theo DESIGN.md, chưa đọc lại.
- Chưa kiểm chứng: điều khoản của Luật 91/2025 cho cơ quan nhà nước xử lý không cần
  đồng ý khi thực hiện nhiệm vụ theo luật, về nội dung bắt buộc của thông báo và của
  hồ sơ đánh giá tác động (một bài viết của russinvecchi.com.vn nói phải cập nhật 6
  tháng một lần); các nghị định hướng dẫn Luật 91/2025; số hiệu và nội dung Nghị định
  45/2020, 61/2018, 20/2008, 53/2022 nêu ở trên.
"""


def _lines(items: tuple[object, ...] | list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _purpose_record(purpose: Purpose) -> str:
    fields = ", ".join(f"`{name}`" for name in fields_of_purpose(purpose.key))
    return (
        f"## {purpose.name} (`{purpose.key}`)\n\n"
        f"**Dữ liệu.**\n\n{_lines(purpose.data)}\n\n"
        f"Các trường trong cơ sở dữ liệu: {fields or '—'}.\n\n"
        f"**Mục đích.** {purpose.why}\n\n"
        f"**Căn cứ.** {purpose.basis.label}. {purpose.basis_text}\n\n"
        f"**Bên nhận.**\n\n{_lines(purpose.recipients)}\n\n"
        f"**Thời hạn lưu.**\n\n{_lines(retention_lines(purpose))}\n\n"
        f"**Biện pháp bảo vệ.**\n\n{_lines(purpose.safeguards)}\n"
    )


def processing_record() -> str:
    with translation.override("vi"):
        notices = "\n".join(
            f"| {shown.title} | `{shown.kind}` | `{shown.version}` |" for shown in all_notices()
        )
        parts = [
            HEADER,
            "# Hồ sơ hoạt động xử lý dữ liệu cá nhân\n\n",
            f"Bên kiểm soát dữ liệu: {CONTROLLER}.\n\n",
            "\n".join(_purpose_record(purpose) for purpose in PURPOSES),
            "\n## Thông báo hiện hành\n\n| thông báo | mã | phiên bản |\n|---|---|---|\n",
            notices,
            "\n\n",
            SOURCES,
        ]
    return "".join(parts)


def _purpose_assessment(purpose: Purpose) -> str:
    children = (
        "Có: dữ liệu của trẻ em; cần ý kiến đồng ý của cha mẹ và của trẻ từ đủ 7 tuổi.\n\n"
        if purpose.children
        else "Không.\n\n"
    )
    return (
        f"## {purpose.name}\n\n"
        f"**Mô tả và mục đích.** {purpose.why}\n\n"
        f"**Căn cứ.** {purpose.basis.label}. {purpose.basis_text}\n\n"
        f"**Cần thiết và tối thiểu.** Chỉ các trường liệt kê trong hồ sơ xử lý; "
        f"{len(fields_of_purpose(purpose.key))} trường. Thời hạn lưu: "
        f"{'; '.join(retention_lines(purpose))}\n\n"
        f"**Dữ liệu trẻ em.** {children}"
        f"**Rủi ro cho chủ thể dữ liệu.**\n\n{_lines(purpose.risks) or '- chưa nêu'}\n\n"
        f"**Biện pháp giảm rủi ro.**\n\n{_lines(purpose.safeguards)}\n\n"
        f"**Chuyển ra nước ngoài.** {_transfer_abroad()}\n"
    )


def _transfer_abroad() -> str:
    if getattr(settings, "S3_BUCKET", "") and not getattr(settings, "S3_ENDPOINT_URL", ""):
        return "Có thể: tệp lưu trên AWS S3 (vùng ngoài Việt Nam cần hồ sơ chuyển dữ liệu)."
    return "Không: dữ liệu lưu trên máy chủ của cơ quan hoặc kho lưu trữ do cơ quan chọn."


def impact_assessment() -> str:
    with translation.override("vi"):
        parts = [
            HEADER,
            "# Hồ sơ đánh giá tác động xử lý dữ liệu cá nhân\n\n",
            f"Bên kiểm soát dữ liệu: {CONTROLLER}. Mỗi mục đích xử lý dưới đây lấy từ "
            "cùng một danh mục với thông báo hiển thị cho người dân; khi danh mục hoặc "
            "thời hạn lưu thay đổi, chạy lại lệnh để cập nhật.\n\n",
            "\n".join(_purpose_assessment(purpose) for purpose in PURPOSES),
            "\n",
            SOURCES,
        ]
    return "".join(parts)


def generated() -> dict[Path, str]:
    return {RECORD: processing_record(), ASSESSMENT: impact_assessment()}


def stale() -> list[Path]:
    """The committed files that differ from what the code generates."""
    return [
        path
        for path, text in generated().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def write() -> list[Path]:
    DOCS.mkdir(exist_ok=True)
    for path, text in generated().items():
        path.write_text(text, encoding="utf-8")
    return list(generated())
