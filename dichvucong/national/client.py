"""The national portal's integration protocol, as far as it could be
checked (README.md, "Status sync with the national portal"):

- Log in: POST DVCQG_AUTH_URL, JSON {"username", "password"}; the answer
  {"error_code": 0, "session": "..."}.
- Sync a dossier: POST DVCQG_URL, JSON {"session", "madonvi", "service":
  "DongBoHoSoMC", "isUpdating": "False" for a dossier new to the portal,
  "True" after, "data": [<the dossier, format.py>]}; the answer's
  error_code "0"/"00" means done.
- Both carry the `dstcode` header when DVCQG_DSTCODE is set, and JSON in
  UTF-8. Ours: the message's stable id in an Idempotency-Key header.

A failure is one of two kinds. `Unavailable`: the portal could not be
asked or could not answer (network, timeout, 5xx, 408, 429, an answer
that is not JSON, a login refused): the same message later may pass.
`Refused`: the portal read the message and said no (another 4xx, or an
error_code other than success and session): this message will not pass
unchanged. An expired session (HTTP 401 or error_code 401) is renewed
once within the same attempt.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from typing import Any

from django.conf import settings

from dichvucong.national.constants import (
    MESSAGE_ID_HEADER,
    SESSION_ERROR_CODES,
    SUCCESS_CODES,
    SYNC_SERVICE,
    TIMEOUT_SECONDS,
)
from dichvucong.national.models import NationalMessage

logger = logging.getLogger(__name__)
TRANSIENT_HTTP = frozenset({408, 425, 429})
# An identifier under Decision 20/2020/QĐ-TTg: 000.00.05.H26.
NATIONAL_UNIT_CODE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}")


class Unavailable(Exception):
    """Try the same message again later."""


class Refused(Exception):
    """The portal said no to this message."""


class SessionExpired(Exception):
    pass


def is_configured() -> bool:
    return bool(settings.DVCQG_URL and settings.DVCQG_AUTH_URL and settings.DVCQG_UNIT_CODE)


def unit_code(agency_unit_code: str) -> str:
    """madonvi: the agency's national code from DVCQG_AGENCY_UNIT_CODES; or
    its own unit code when that is already one (like the demo's
    000.00.05.H26); else the district's DVCQG_UNIT_CODE."""
    mapped = settings.DVCQG_AGENCY_UNIT_CODES.get(agency_unit_code)
    if mapped:
        return str(mapped)
    if NATIONAL_UNIT_CODE.fullmatch(agency_unit_code):
        return agency_unit_code
    return str(settings.DVCQG_UNIT_CODE)


class Portal:
    """One connection's worth of state: the session, logged in on first use
    and reused by every message a drain sends."""

    def __init__(self) -> None:
        self.session = ""

    def sync(self, message: NationalMessage, agency_unit_code: str) -> str:
        """Send one message; the portal's answer text when it took it."""
        try:
            return self._sync_once(message, agency_unit_code)
        except SessionExpired:
            self.session = ""
        try:
            return self._sync_once(message, agency_unit_code)
        except SessionExpired:
            raise Unavailable("phiên đăng nhập bị từ chối ngay sau khi cấp") from None

    def _sync_once(self, message: NationalMessage, agency_unit_code: str) -> str:
        body = {
            "session": self._session(),
            "madonvi": unit_code(agency_unit_code),
            "service": SYNC_SERVICE,
            "isUpdating": "True" if message.is_update else "False",
            "data": [message.data],
        }
        answer = _post(settings.DVCQG_URL, body, {MESSAGE_ID_HEADER: message.message_id})
        code = str(answer.get("error_code", "")).strip()
        if code in SUCCESS_CODES:
            return str(answer.get("message", ""))[:200]
        if code in SESSION_ERROR_CODES:
            raise SessionExpired
        raise Refused(f"error_code {code or '?'}: {answer.get('message', '')}"[:300])

    def _session(self) -> str:
        if not self.session:
            self.session = login()
        return self.session


def login() -> str:
    body = {"username": settings.DVCQG_USERNAME, "password": settings.DVCQG_PASSWORD}
    try:
        answer = _post(settings.DVCQG_AUTH_URL, body, {})
    except (Refused, SessionExpired) as error:
        raise Unavailable(f"đăng nhập Cổng DVCQG bị từ chối ({error})") from None
    session = answer.get("session")
    if str(answer.get("error_code", "")).strip() not in SUCCESS_CODES or not session:
        code = answer.get("error_code")
        raise Unavailable(f"đăng nhập Cổng DVCQG bị từ chối (error_code {code})")
    return str(session)


def _post(url: str, body: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
    # S310: the URLs are settings that env_url admits only as http(s).
    request = urllib.request.Request(  # noqa: S310
        url,
        data=json.dumps(body, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json; charset=utf-8", **_dstcode(), **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return _json(response.read())
    except urllib.error.HTTPError as error:
        raise _http_failure(error) from None
    except (urllib.error.URLError, OSError) as error:
        raise Unavailable(f"{type(error).__name__}: {error}"[:300]) from None


def _dstcode() -> dict[str, str]:
    return {"dstcode": settings.DVCQG_DSTCODE} if settings.DVCQG_DSTCODE else {}


def _json(raw: bytes) -> dict[str, Any]:
    try:
        answer = json.loads(raw)
    except ValueError:
        raise Unavailable("câu trả lời không phải JSON") from None
    if not isinstance(answer, dict):
        raise Unavailable("câu trả lời không phải một đối tượng JSON")
    return answer


def _http_failure(error: urllib.error.HTTPError) -> Exception:
    status = error.code
    try:
        detail = json.loads(error.read() or b"{}")
    except ValueError:
        detail = {}
    message = detail.get("message", "") if isinstance(detail, dict) else ""
    text = f"HTTP {status}: {message}"[:300]
    if status == 401:
        return SessionExpired()
    if status >= 500 or status in TRANSIENT_HTTP:
        return Unavailable(text)
    return Refused(text)
