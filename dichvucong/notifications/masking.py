"""Contact data shown only in part, and errors scrubbed of it, for log
lines, the admin and `last_error`."""

from __future__ import annotations

import re

from dichvucong.notifications.constants import Channel

_EMAIL = re.compile(r"[^\s<>\"'@,;:]+@[^\s<>\"'@,;:]+")
# Eight digits or more in a row: a phone number, an ID number, a tax code.
_LONG_NUMBER = re.compile(r"\+?\d{8,}")


def mask_phone(phone: str) -> str:
    """0912345678 -> 09xx***678; the middle is masked by a fixed string so
    the length does not show either."""
    if len(phone) < 7:
        return "***"
    return f"{phone[:2]}xx***{phone[-3:]}"


def mask_email(email: str) -> str:
    """nguyen.binh@example.vn -> ng***@example.vn"""
    local, _, domain = email.partition("@")
    return f"{local[:2]}***@{domain}" if domain else "***"


def mask_recipient(channel: str, recipient: str) -> str:
    return mask_email(recipient) if channel == Channel.EMAIL else mask_phone(recipient)


def scrub(text: str, recipient: str = "") -> str:
    """`text` (an error message, say) without e-mail addresses or long
    numbers; SMTP servers and SMS gateways like to echo the recipient."""
    if recipient:
        text = text.replace(recipient, "***")
    text = _EMAIL.sub("***@***", text)
    return _LONG_NUMBER.sub("***", text)
