"""Zalo Notification Service (ZNS): template messages to a phone number.

The protocol, as checked against public sources (third-party SDKs and
clients, not Zalo's own pages, which were not among them):

- Send: POST ZALO_ZNS_URL (https://business.openapi.zalo.me/message/template,
  as in @warriorteam/redai-zalo-sdk's zns.service.js), header
  `access_token`, JSON body {"phone": "84…", "template_id", "template_data",
  "tracking_id"}; the phone in international form without "+" (the
  zalo-mcp tool's schema: "84912345678"). The answer is {"error": 0,
  "message", "data": {"msg_id"}} or a non-zero `error`.
- Refresh: POST ZALO_OAUTH_URL (https://oauth.zaloapp.com/v4/oa/access_token),
  form fields refresh_token, app_id, grant_type=refresh_token, header
  `secret_key` (several public clients do exactly this); the answer holds
  a new access_token and a new refresh_token. The old refresh token is
  spent: the new one is stored in the database (ZaloToken) under a row
  lock, so workers share it and two of them never spend the same one.
- Not verified in any source found: the error numbers. -124 as "access
  token invalid or expired" is taken from the brief; every other non-zero
  error is treated as a refusal of this message (unknown phone, user not on
  Zalo, template rejected, quota) and the outbox sends it by SMS instead.
  Add codes to TOKEN_ERRORS if Zalo's table lists others for the token.

The tracking_id is the outbox message's id. Nothing here logs a phone.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dichvucong.notifications.models import OutboxMessage, ZaloToken

logger = logging.getLogger(__name__)

TOKEN_ERRORS = frozenset({-124})
TIMEOUT_SECONDS = 15


class ZaloRefused(Exception):
    """Zalo answered this message with an error that is not the token's:
    sending it again by Zalo would not help."""

    def __init__(self, code: int) -> None:
        super().__init__(f"ZNS error {code}")
        self.code = code


class ZaloUnavailable(Exception):
    """Zalo could not be asked (5xx, a token it keeps refusing): retry."""


def is_configured() -> bool:
    return bool(
        settings.ZALO_APP_ID
        and settings.ZALO_APP_SECRET
        and settings.ZALO_OA_REFRESH_TOKEN
        and settings.ZALO_TEMPLATES
    )


def normalise_phone(phone: str) -> str:
    """0912345678, +84912345678, 84912345678 -> 84912345678."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("0"):
        return "84" + digits[1:]
    return digits


def template_for(kind: str) -> dict[str, Any] | None:
    templates: dict[str, Any] = settings.ZALO_TEMPLATES
    return templates.get(kind) or templates.get("*")


def payload(message: OutboxMessage) -> dict[str, Any]:
    """The ZNS request body; ZaloRefused(0) when no template serves the kind."""
    template = template_for(message.template_kind)
    if template is None:
        raise ZaloRefused(0)
    fields = message.template_fields
    data = {param: fields.get(field, "") for param, field in template.get("data", {}).items()}
    return {
        "phone": normalise_phone(message.recipient),
        "template_id": str(template["template_id"]),
        "template_data": data,
        "tracking_id": str(message.pk),
    }


def send(message: OutboxMessage) -> str:
    """Hand the message to ZNS; Zalo's msg_id. An expired token is
    refreshed once and the send tried once more."""
    body = payload(message)
    token = current_access_token()
    answer = _post_json(settings.ZALO_ZNS_URL, body, token)
    if answer.get("error") in TOKEN_ERRORS:
        answer = _post_json(settings.ZALO_ZNS_URL, body, refresh(spent=token))
        if answer.get("error") in TOKEN_ERRORS:
            raise ZaloUnavailable("ZNS refused a freshly refreshed access token")
    code = int(answer.get("error", -1))
    if code != 0:
        raise ZaloRefused(code)
    return str((answer.get("data") or {}).get("msg_id", ""))


def _token_row() -> ZaloToken:
    seed = settings.ZALO_OA_REFRESH_TOKEN
    row, _ = ZaloToken.objects.get_or_create(
        pk=1, defaults={"refresh_token": seed, "seeded_from": seed}
    )
    if row.seeded_from != seed:
        ZaloToken.objects.filter(pk=1).update(refresh_token=seed, seeded_from=seed, access_token="")
        row.refresh_from_db()
    return row


def current_access_token() -> str:
    row = _token_row()
    return row.access_token or refresh(spent="")


def refresh(spent: str) -> str:
    """A valid access token, given that `spent` was refused. The row is
    locked while the refresh token is spent and the new pair stored; a
    worker that finds the access token already changed by another uses
    that one and spends nothing."""
    _token_row()
    with transaction.atomic():
        row = ZaloToken.objects.select_for_update().get(pk=1)
        if row.access_token and row.access_token != spent:
            return row.access_token
        answer = _post_form(
            settings.ZALO_OAUTH_URL,
            {
                "refresh_token": row.refresh_token,
                "app_id": settings.ZALO_APP_ID,
                "grant_type": "refresh_token",
            },
        )
        if not answer.get("access_token") or not answer.get("refresh_token"):
            raise ZaloUnavailable(f"token refresh refused (error {answer.get('error')})")
        row.access_token = answer["access_token"]
        row.refresh_token = answer["refresh_token"]
        row.refreshed_at = timezone.now()
        row.save(update_fields=["access_token", "refresh_token", "refreshed_at"])
    logger.info("Zalo OA access token refreshed")
    return row.access_token


def _post_json(url: str, body: dict[str, Any], token: str) -> dict[str, Any]:
    data = json.dumps(body).encode()
    headers = {"Content-Type": "application/json", "access_token": token}
    return _post(urllib.request.Request(url, data=data, headers=headers, method="POST"))  # noqa: S310


def _post_form(url: str, fields: dict[str, str]) -> dict[str, Any]:
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "secret_key": settings.ZALO_APP_SECRET,
    }
    data = urlencode(fields).encode()
    return _post(urllib.request.Request(url, data=data, headers=headers, method="POST"))  # noqa: S310


def _post(request: urllib.request.Request) -> dict[str, Any]:
    """The JSON answer. 5xx and unreadable answers raise ZaloUnavailable;
    a refused connection raises URLError (an OSError): both are retried."""
    try:
        # S310: the URLs are settings that env_url admits only as http(s).
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            raw = response.read()
    except urllib.error.HTTPError as error:
        raise ZaloUnavailable(f"HTTP {error.code}") from None
    try:
        answer = json.loads(raw)
    except ValueError:
        raise ZaloUnavailable("answer is not JSON") from None
    if not isinstance(answer, dict):
        raise ZaloUnavailable("answer is not a JSON object")
    return answer
