"""Who is calling.

Applicants use the web session they logged in with, or a short-lived
token got with their password (POST /auth/token, api.tokens) sent as
`Authorization: Bearer <token>`. Like a web form, a cookie-authenticated
write must carry the CSRF token (header X-CSRFToken), or any site could
make a logged-in browser post to the API; a header needs none.

Integrations use an agency's API key, as `Authorization: Bearer <key>` or
`X-API-Key: <key>`. A header cannot be sent by another site's page, so
key calls need no CSRF token. Wrong keys are limited per client address
and requests per key (throttle.rules API_BAD_KEYS, API_REQUESTS): past
either, 429 with Retry-After.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyHeader, HttpBearer, SessionAuth
from ninja.utils import check_csrf

from dichvucong.api import keys, tokens
from dichvucong.api.constants import KeyRole
from dichvucong.api.errors import MSG_CSRF, ApiError
from dichvucong.api.models import ApiKey
from dichvucong.throttle import client_address
from dichvucong.throttle.rules import API_BAD_KEYS, API_REQUESTS


class ApplicantSession(SessionAuth):
    """The logged-in user of the session cookie."""

    def _get_key(self, request: HttpRequest) -> str | None:
        # Not logged in is a 401, whatever the CSRF token says.
        if not request.user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise ApiError(403, "csrf_failed", MSG_CSRF)
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if request.user.is_authenticated else None


class ApplicantBearer(HttpBearer):
    """`Authorization: Bearer dvct_…`, an applicant's token. Wrong tokens
    count against the client's address with wrong API keys."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        raw = (token or "").strip()
        if not tokens.is_token(raw):
            return None
        address = client_address(request)
        API_BAD_KEYS.check(address)
        found = tokens.find(raw)
        if found is None:
            API_BAD_KEYS.hit(address)
            return None
        return tokens.live_user(found)


def token_of(request: HttpRequest) -> Any:
    """The applicant token a request came with, if it came with one."""
    header = request.headers.get("Authorization", "")
    scheme, _, raw = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    found = tokens.find(raw.strip())
    return found


def _checked(request: HttpRequest, raw_key: str | None, back_office: bool) -> ApiKey | None:
    """The live key, counted against its rate; a wrong key counts against
    the client's address (no key at all is no guess). Raises
    throttle.Refused past either limit."""
    if not (raw_key or "").strip():
        return None
    address = client_address(request)
    API_BAD_KEYS.check(address)
    try:
        key = keys.authenticate(raw_key)
    except keys.KeyRefused as refused:
        # The secret was right: no guess to count, but a clear reason.
        raise ApiError(401, refused.code, refused.message) from None
    if key is None:
        API_BAD_KEYS.hit(address)
        return None
    API_REQUESTS.take(key.prefix)
    return _scoped(request, key, back_office)


def _scoped(request: HttpRequest, key: ApiKey | None, back_office: bool) -> ApiKey | None:
    if back_office and key is not None and key.role == KeyRole.READ:
        # Refused, but a known key: the audit trail records which one tried.
        request.auth = key  # type: ignore[attr-defined]
        raise ApiError(403, "forbidden", "Khóa API chỉ đọc thống kê, không dùng được cho hồ sơ.")
    return key


class ApiKeyBearer(HttpBearer):
    """`Authorization: Bearer <key>`. With back_office=True, a read-only
    key is refused (403): dossiers need a key with a back-office role."""

    def __init__(self, back_office: bool = False) -> None:
        super().__init__()
        self.back_office = back_office

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        return _checked(request, token, self.back_office)


class ApiKeyHeader(APIKeyHeader):
    """`X-API-Key: <key>`, for clients that cannot set Authorization."""

    param_name = "X-API-Key"

    def __init__(self, back_office: bool = False) -> None:
        super().__init__()
        self.back_office = back_office

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiKey | None:
        return _checked(request, key, self.back_office)


applicant_auth = [ApplicantSession(), ApplicantBearer()]
any_key_auth = [ApiKeyBearer(), ApiKeyHeader()]
staff_key_auth = [ApiKeyBearer(back_office=True), ApiKeyHeader(back_office=True)]


def key_of(request: HttpRequest) -> ApiKey:
    return request.auth  # type: ignore[attr-defined,no-any-return]


def user_of(request: HttpRequest) -> Any:
    """The logged-in applicant of a session-authenticated request."""
    return request.auth  # type: ignore[attr-defined]
