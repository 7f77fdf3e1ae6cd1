"""What the demo page shows: the demo accounts by role, what each can try,
the shared password, and for staff the code their authenticator would
show now (demo mode only; staff still pass the second factor)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from dichvucong.accounts.models import User
from dichvucong.demo.people import CITIZEN_ID, DEMO_PASSWORD, ORGANISATION_TAX_CODE
from dichvucong.demo.pupil_helper import pupil_helper

# (role, user name or None for the pupil helper, what to try)
ROLES = [
    (
        _("Công dân"),
        CITIZEN_ID,
        _(
            "Nộp hồ sơ trực tuyến; xem ba hồ sơ của mình: một đã có kết quả điện tử "
            "để tải về, một đang xử lý, một cần bổ sung giấy tờ."
        ),
    ),
    (
        _("Tổ chức, doanh nghiệp"),
        ORGANISATION_TAX_CODE,
        _("Nộp hồ sơ thay mặt doanh nghiệp và theo dõi kết quả."),
    ),
    (
        _("Cán bộ một cửa phường Khương Mai"),
        "kmai.motcua",
        _("Xem hàng chờ, tiếp nhận hồ sơ, yêu cầu bổ sung, in phiếu, trả kết quả."),
    ),
    (
        _("Chuyên viên phường Khương Mai"),
        "kmai.chuyenvien",
        _("Xử lý hồ sơ được phân công và trình lãnh đạo."),
    ),
    (
        _("Lãnh đạo UBND phường Khương Mai"),
        "kmai.lanhdao",
        _("Phân công, phê duyệt hồ sơ, xem thống kê của phường."),
    ),
    (
        _("Điều phối viên trường THCS Khương Đình"),
        "thcs.khuongdinh",
        _("Quản lý danh sách học sinh, ý kiến đồng ý, cấp tài khoản đại sứ số."),
    ),
    (
        _("Phòng Giáo dục và Đào tạo"),
        "gddt",
        _("Theo dõi chiến dịch, buổi tập huấn và báo cáo cuối năm."),
    ),
    (
        _("Quản trị hệ thống"),
        "quantri",
        _("Danh mục thủ tục, tài khoản, nhật ký an ninh (trang quản trị)."),
    ),
    (
        _("Học sinh đại sứ số"),
        None,
        _(
            "Giúp hàng xóm khai hồ sơ, ví dụ cho tài khoản công dân ở trên; người được giúp "
            "xác nhận bằng mã gửi tới số điện thoại đã xác nhận của chính họ."
        ),
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str
    what: str
    code: str  # the second-factor code now; "" for accounts without one


def demo_logins() -> list[DemoLogin]:
    users = {u.username: u for u in User.objects.filter(username__in=[r[1] for r in ROLES if r[1]])}
    helper = pupil_helper()
    logins = []
    for role, username, what in ROLES:
        user = users.get(username) if username else helper
        if user is not None:
            logins.append(
                DemoLogin(str(role), user.username, DEMO_PASSWORD, str(what), _code(user))
            )
    return logins


def _code(user: User) -> str:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return current_code(device) if device is not None else ""


def current_code(device: TOTPDevice) -> str:
    """The code an app would show now; if it was just used (a second
    log-in within 30 seconds), the next one, which the device accepts."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += (device.last_t + 1 - totp.t()) * device.step
    return f"{totp.token():0{device.digits}d}"
