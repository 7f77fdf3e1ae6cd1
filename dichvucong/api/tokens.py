"""Applicants' short-lived bearer tokens: log in with the password, as on
the web (accounts.services.authenticate_login: the same lockouts, counted
in the same place), and get a token that works for TOKEN_LIFETIME_SECONDS.

A token reads "dvct_<prefix>_<secret>" (API keys read "dvc_…"): the prefix
finds the row, the SHA-256 of the whole token must match. Staff and
administrators must pass a second factor on the web, so a password alone
gets them no token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from dichvucong.accounts import services as accounts
from dichvucong.accounts.two_factor import requires_second_factor
from dichvucong.api.constants import KEY_PREFIX_LENGTH, TOKEN_LIFETIME_SECONDS
from dichvucong.api.errors import ApiError
from dichvucong.api.models import ApplicantToken
from dichvucong.audit import service as audit
from dichvucong.audit.constants import Action

TOKEN_START = "dvct_"
_ALPHABET = string.ascii_lowercase + string.digits
MSG_SECOND_FACTOR = (
    "Tài khoản cán bộ, quản trị phải xác thực hai lớp: đăng nhập trên trang web, "
    "không lấy mã truy cập bằng mật khẩu được."
)
MSG_EXPIRED = "Mã truy cập đã hết hạn: lấy mã mới tại POST /api/v1/auth/token."


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def log_in(request: HttpRequest, login_name: str, password: str) -> tuple[ApplicantToken, str]:
    """A new token for these credentials, or ApiError (401 invalid_login,
    403 second_factor_required); a locked account or address raises the
    throttle's Refused (429 with Retry-After), as the web page would."""
    try:
        user = accounts.authenticate_login(request, login_name, password)
    except accounts.LoginRefused as refused:
        if refused.refused is not None:
            raise refused.refused from None
        raise ApiError(401, refused.code, refused.message) from None
    if requires_second_factor(user):
        raise ApiError(403, "second_factor_required", MSG_SECOND_FACTOR)
    token, raw = _issue(user)
    audit.record(Action.LOGIN, "Đăng nhập (mã truy cập API)", request=request, actor=user)
    return token, raw


def _issue(user: Any) -> tuple[ApplicantToken, str]:
    now = timezone.now()
    # The account's dead tokens go as it gets a new one: the table stays small.
    ApplicantToken.objects.filter(user=user, expires_at__lt=now).delete()
    expires_at = now + timedelta(seconds=TOKEN_LIFETIME_SECONDS)
    for _attempt in range(5):
        prefix = "".join(secrets.choice(_ALPHABET) for _ in range(KEY_PREFIX_LENGTH))
        raw = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
        try:
            with transaction.atomic():
                token = ApplicantToken.objects.create(
                    user=user, prefix=prefix, secret_hash=_digest(raw), expires_at=expires_at
                )
        except IntegrityError:  # prefix taken: draw again
            continue
        return token, raw
    raise RuntimeError("could not draw a free token prefix")


def is_token(raw: str) -> bool:
    return raw.startswith(TOKEN_START)


def find(raw: str) -> ApplicantToken | None:
    """The token matching `raw`, live or not; None when nothing matches."""
    prefix, sep, secret = raw[len(TOKEN_START) :].partition("_")
    if not is_token(raw) or not sep or not secret or len(prefix) != KEY_PREFIX_LENGTH:
        return None
    token = ApplicantToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.secret_hash, _digest(raw)):
        return None
    return token


def live_user(token: ApplicantToken) -> Any:
    """The token's user, or ApiError 401 saying why it no longer works."""
    if token.revoked_at is not None or not token.user.is_active:
        raise ApiError(401, "token_revoked", "Mã truy cập đã bị thu hồi.")
    if timezone.now() >= token.expires_at:
        raise ApiError(401, "token_expired", MSG_EXPIRED)
    return token.user


def revoke(request: HttpRequest, token: ApplicantToken) -> None:
    """A log-out, recorded as the web's is. Revoking twice keeps the
    first date."""
    ApplicantToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    audit.record(Action.LOGOUT, "Đăng xuất (mã truy cập API)", request=request, actor=token.user)
