"""Account names shown only in part, for records that must not hold an ID
number, a tax code or something typed by mistake (the security audit
trail). Framework-free."""

from __future__ import annotations

import re

# Digits with the separators people type: an ID number (12 digits), a tax
# code (10, or 13 with a branch: 0101234567-001), a phone number.
_NUMBER = re.compile(r"[\d\s.\-]+")
_KEPT_DIGITS = 3
_MIN_DIGITS = 6


def _is_number(name: str) -> bool:
    digits = sum(ch.isdigit() for ch in name)
    return bool(_NUMBER.fullmatch(name)) and digits >= _MIN_DIGITS


def _masked_number(name: str) -> str:
    digits = [ch for ch in name if ch.isdigit()]
    return "***" + "".join(digits[-_KEPT_DIGITS:])


def mask_account_name(name: str) -> str:
    """The user name of a known account as records may keep it. Citizens
    and organisations log in with their ID number or tax code: only the
    last 3 digits are kept (001090012345 -> ***345). Staff names given by
    the administrator (tiepnhan.khuongmai) and pseudonyms stay as they are."""
    return _masked_number(name) if _is_number(name) else name


def mask_typed_name(typed: str) -> str:
    """What someone typed as a user name that matches no account: perhaps
    a mistyped ID number, perhaps the password typed into the wrong box.
    A number keeps its last 3 digits; anything else its first 2 characters."""
    typed = typed.strip()
    if _is_number(typed):
        return _masked_number(typed)
    return f"{typed[:2]}***" if typed else ""
