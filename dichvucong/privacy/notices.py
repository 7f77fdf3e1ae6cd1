"""The notices shown where personal data is collected, built from the
registry. A notice's version is a hash of its Vietnamese text: change a
purpose, a recipient or a RETENTION_* setting and the version changes, so
the version recorded with an account or a dossier says which text was shown."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from dichvucong.privacy.constants import NoticeKind
from dichvucong.privacy.registry import BY_KEY, Purpose, retention_lines

CONTROLLER = _("Ủy ban nhân dân quận Thanh Xuân, thành phố Hà Nội")
RIGHTS = _(
    "Bạn có quyền được biết, xem, sửa dữ liệu của mình, đề nghị xóa hoặc hạn chế xử lý, "
    "và rút lại sự đồng ý khi việc xử lý dựa trên sự đồng ý (Luật Bảo vệ dữ liệu cá nhân "
    "số 91/2025/QH15). Dữ liệu xử lý theo quy định của pháp luật thì không cần và không "
    "dựa vào sự đồng ý của bạn."
)


@dataclass(frozen=True)
class NoticeSpec:
    kind: NoticeKind
    intro: str | Promise
    purposes: tuple[str, ...]


SPECS: dict[str, NoticeSpec] = {
    spec.kind: spec
    for spec in (
        NoticeSpec(
            NoticeKind.REGISTRATION,
            _("Khi bạn đăng ký tài khoản, chúng tôi xử lý dữ liệu cá nhân của bạn như sau."),
            ("account", "security"),
        ),
        NoticeSpec(
            NoticeKind.EFORM,
            _("Thông tin bạn khai và giấy tờ bạn tải lên trong hồ sơ được xử lý như sau."),
            ("dossier",),
        ),
        NoticeSpec(
            NoticeKind.ASSISTED_APPLICANT,
            _(
                "Gửi người nhờ khai giúp hồ sơ (đại sứ số đọc cho người nộp nghe): thông tin "
                "của ông, bà trong hồ sơ được xử lý như sau."
            ),
            ("dossier", "assisted"),
        ),
        NoticeSpec(
            NoticeKind.ASSISTED_GUARDIAN,
            _(
                "Gửi cha mẹ, người giám hộ của học sinh làm đại sứ số: khi em khai giúp một "
                "hồ sơ, hệ thống ghi lại em đã giúp hồ sơ nào (không cho em xem giấy tờ của "
                "người nộp) để tính vào khen thưởng cuối năm học."
            ),
            ("campaign",),
        ),
        NoticeSpec(
            NoticeKind.ROSTER,
            _(
                "Gửi cha mẹ, người giám hộ và học sinh, trước khi cho ý kiến đồng ý tham gia "
                "chiến dịch “Đại sứ số”: dữ liệu của học sinh được xử lý như sau."
            ),
            ("campaign",),
        ),
    )
}


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    title: str
    intro: str
    purposes: tuple[Purpose, ...]
    text: str
    version: str


def notice(kind: str) -> Notice:
    """The notice in Vietnamese, whatever the request's language: its text
    and version are what the law asks to be shown and recorded."""
    spec = SPECS[kind]
    purposes = tuple(BY_KEY[key] for key in spec.purposes)
    with translation.override("vi"):
        text = _plain_text(spec, purposes)
        title = str(NoticeKind(kind).label)
        intro = str(spec.intro)
    version = hashlib.sha256(text.encode()).hexdigest()[:12]
    return Notice(NoticeKind(kind), title, intro, purposes, text, version)


def all_notices() -> list[Notice]:
    return [notice(kind) for kind in NoticeKind]


def _plain_text(spec: NoticeSpec, purposes: tuple[Purpose, ...]) -> str:
    lines = [str(NoticeKind(spec.kind).label), str(spec.intro), f"Bên kiểm soát: {CONTROLLER}"]
    for purpose in purposes:
        lines += _purpose_lines(purpose)
    lines.append(str(RIGHTS))
    return "\n".join(lines) + "\n"


def _purpose_lines(purpose: Purpose) -> list[str]:
    return [
        f"## {purpose.name}",
        "Dữ liệu: " + "; ".join(str(item) for item in purpose.data),
        f"Để làm gì: {purpose.why}",
        f"Căn cứ: {purpose.basis.label}. {purpose.basis_text}",
        "Ai nhận: " + "; ".join(str(item) for item in purpose.recipients),
        "Lưu bao lâu: " + "; ".join(retention_lines(purpose)),
        "Bảo vệ: " + "; ".join(str(item) for item in purpose.safeguards),
    ]


def kind_for_dossier(dossier: Any) -> NoticeKind:
    """The notice a draft's pages show, and so the one recorded when it is
    submitted: a helper's draft speaks to the applicant it is for; a
    practice draft is the campaign's (it never reaches an office)."""
    if dossier.is_practice:
        return NoticeKind.ROSTER
    if dossier.helper_id:
        return NoticeKind.ASSISTED_APPLICANT
    return NoticeKind.EFORM
