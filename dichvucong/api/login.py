"""Log-in for applicants' programs: a short-lived bearer token for the
password, under the web log-in's limits (api.tokens); and its revocation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from dichvucong.api import tokens
from dichvucong.api.auth import ApplicantBearer, token_of
from dichvucong.api.constants import TOKEN_LIFETIME_SECONDS
from dichvucong.api.errors import MSG_UNAUTHORIZED, ApiError
from dichvucong.api.responses import answers
from dichvucong.api.schemas import TokenIn, TokenOut

router = Router(tags=["Đăng nhập (người nộp hồ sơ)"])


@router.post(
    "/token",
    response=answers(TokenOut, 400, 401, 403, 413, 422, 429),
    summary="Lấy mã truy cập ngắn hạn bằng mật khẩu (như đăng nhập trên web)",
)
def obtain_token(request: HttpRequest, payload: TokenIn) -> dict[str, Any]:
    """401 invalid_login for wrong credentials; 429 with Retry-After once
    the web's log-in limits lock the account or the address; 403
    second_factor_required for staff and administrators."""
    token, raw = tokens.log_in(request, payload.username, payload.password)
    return {
        "access_token": raw,
        "token_type": "Bearer",
        "expires_in": TOKEN_LIFETIME_SECONDS,
        "expires_at": token.expires_at,
    }


@router.post(
    "/revoke",
    auth=[ApplicantBearer()],
    response=answers(None, 400, 401, 413, 429, status=204),
    summary="Thu hồi mã truy cập đang dùng (đăng xuất)",
)
def revoke_token(request: HttpRequest) -> Status:
    token = token_of(request)
    if token is None:  # authenticated, so only if revoked in between
        raise ApiError(401, "unauthorized", MSG_UNAUTHORIZED)
    tokens.revoke(request, token)
    return Status(204, None)
