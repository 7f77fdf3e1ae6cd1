"""Staff two-factor authentication (django-otp): an authenticator app
(TOTP) and ten single-use recovery codes.

Who: every account that can open staff pages, that is an officer
(AccountKind.STAFF: receptionists, specialists, leaders, school
coordinators, the education office, district leadership; their roles are
StaffRole rows of such accounts, and every staff access rule asks for that
kind) and every account the Django admin lets in (is_staff, is_superuser).
API keys are not sessions: their service accounts cannot log in.

1. After the password, TwoFactorMiddleware lets such a session open only
   the pages of this flow and log-out until it is verified; the API treats
   it as not logged in. Verified is django-otp's mark in the session
   (otp_device_id): it lasts as long as the session, no longer.
2. First time: `start_enrolment` keeps one unconfirmed TOTP device and the
   page shows its QR code (inline SVG) and key; `enrol` confirms it with
   a code from the app, makes the recovery codes (shown once) and marks
   the session verified. A confirmed device can only be replaced by an
   administrator's reset, so a thief with the password cannot enrol their
   own phone.
3. Later: `verify` takes a 6-digit code or a recovery code (which is then
   used up).
4. A lost phone: an administrator resets the account (`reset`, an admin
   action); the member of staff enrols again at the next log-in.

Wrong codes count under the throttle's TWO_FACTOR lock-out per (account,
address), per address and per account (dichvucong/throttle says why not
django-otp's per-device delay). Enrolment, success, failure, use of a
recovery code, new codes and a reset are recorded in the audit trail,
never a code.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import segno
from django.db import transaction
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from dichvucong.accounts.constants import AccountKind
from dichvucong.audit.constants import Action
from dichvucong.audit.service import record
from dichvucong.throttle import client_address
from dichvucong.throttle.rules import TWO_FACTOR

RECOVERY_CODE_COUNT = 10
# Below this many unused recovery codes the member of staff is told to
# print new ones.
RECOVERY_CODES_LOW = 3
APP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã dự phòng"
WRONG_CODE = gettext_lazy("Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên ứng dụng.")


class CodeRefused(Exception):
    """The code was wrong; the message is for the person."""


def requires_second_factor(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.kind == AccountKind.STAFF or user.is_staff or user.is_superuser)


def is_verified(user: Any) -> bool:
    """Set by OTPMiddleware: the session passed a confirmed device."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if check is not None else False


def has_device(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _account(user: Any) -> str:
    return f"user:{user.pk}"


def _audit(request: HttpRequest, what: str, user: Any, **detail: Any) -> None:
    record(Action.TWO_FACTOR, what, request=request, actor=user, detail=detail)


# --- Enrolment -------------------------------------------------------------------------


def start_enrolment(user: Any) -> TOTPDevice:
    """The one unconfirmed device of this account (made on first visit, the
    same one on a reload, so a QR code already scanned stays good)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code(device: TOTPDevice) -> SafeString:
    """The otpauth:// address as an inline SVG (no script, no style
    attribute, nothing fetched: the page's Content-Security-Policy holds)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, dark="#000", light="#fff", title=_("Mã QR để cài ứng dụng xác thực")
    )
    return format_html("{}", SafeString(svg))


def typed_key(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32 in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _compact(code: str) -> str:
    return "".join(ch for ch in code if ch.isalnum()).lower()


def enrol(request: HttpRequest, device: TOTPDevice, code: str) -> list[str]:
    """Confirm `device` with a code from the app; returns the new recovery
    codes. The session is verified from now on."""
    user = request.user
    account, address = _account(user), client_address(request)
    TWO_FACTOR.check(account, address)
    if not device.verify_token(_compact(code)):
        TWO_FACTOR.failed(account, address)
        _audit(request, "đăng ký xác thực hai lớp: mã sai", user, outcome="failure")
        raise CodeRefused(str(WRONG_CODE))
    TWO_FACTOR.succeeded(account, address)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = replace_recovery_codes(user)
    otp_login(request, device)
    _audit(request, "đăng ký xác thực hai lớp", user, outcome="success")
    return codes


# --- Recovery codes ----------------------------------------------------------------------


def replace_recovery_codes(user: Any) -> list[str]:
    """Ten new recovery codes for `user`; the old ones die."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def new_recovery_codes(request: HttpRequest) -> list[str]:
    """Ten new codes for the verified member of staff; the old ones die."""
    with transaction.atomic():
        codes = replace_recovery_codes(request.user)
    _audit(request, "tạo mã dự phòng mới", request.user)
    return codes


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def shown(code: str) -> str:
    """A recovery code as printed: two groups of four."""
    return f"{code[:4]} {code[4:]}"


# --- Verification ----------------------------------------------------------------------


def matching_device(user: Any, code: str) -> Device | None:
    """The confirmed device that accepts `code` (a recovery code is used
    up by this), or None. Six digits go to the app, anything else to the
    recovery codes."""
    typed = _compact(code)
    if not typed:
        return None
    model = TOTPDevice if typed.isdigit() and len(typed) == 6 else StaticDevice
    with transaction.atomic():
        devices = model.objects.select_for_update().filter(user=user, confirmed=True)
        for device in devices:
            if device.verify_token(typed):
                return device
    return None


def _passed(request: HttpRequest, user: Any, device: Device, how: str) -> None:
    if isinstance(device, StaticDevice):
        left = recovery_codes_left(user)
        _audit(request, f"{how}: dùng mã dự phòng", user, outcome="success", codes_left=left)
    else:
        _audit(request, how, user, outcome="success")


def verify(request: HttpRequest, code: str) -> Device:
    """Check the code of the logged-in member of staff and mark the session
    verified; CodeRefused (counted) or throttle.Refused otherwise."""
    user = request.user
    account, address = _account(user), client_address(request)
    TWO_FACTOR.check(account, address)
    device = matching_device(user, code)
    if device is None:
        TWO_FACTOR.failed(account, address)
        _audit(request, "xác thực hai lớp: mã sai", user, outcome="failure")
        raise CodeRefused(str(WRONG_CODE))
    TWO_FACTOR.succeeded(account, address)
    otp_login(request, device)
    _passed(request, user, device, "xác thực hai lớp")
    return device


def pass_lock(request: HttpRequest, user: Any | None, code: str) -> Device | None:
    """A log-in refused by the login lock-out, with a second-factor code:
    the device of a member of staff that accepts it, checked before the
    password so that no password is tried without it. None (counted) for
    a wrong code, an unknown name or an account without a device, alike."""
    account = _account(user) if user is not None else "user:none"
    address = client_address(request)
    TWO_FACTOR.check(account, address)
    device = None
    if user is not None and requires_second_factor(user) and user.is_active:
        device = matching_device(user, code)
    if device is None:
        TWO_FACTOR.failed(account, address)
        record(Action.TWO_FACTOR, "mở khóa đăng nhập bằng mã: mã sai", request=request,
               actor=user, detail={"outcome": "failure"})
        return None
    TWO_FACTOR.succeeded(account, address)
    _passed(request, user, device, "mở khóa đăng nhập bằng xác thực hai lớp")
    return device


# --- Reset by an administrator -------------------------------------------------------------


def reset(request: HttpRequest, user: Any) -> int:
    """Remove every device of `user` (a lost phone): they enrol again at
    the next log-in, and sessions verified with the old device no longer
    are. Returns how many devices went."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[1].get(TOTPDevice._meta.label, 0)
        StaticDevice.objects.filter(user=user).delete()
    record(Action.TWO_FACTOR, "đặt lại xác thực hai lớp", request=request,
           target=user.get_username(), detail={"devices": removed})
    return removed
