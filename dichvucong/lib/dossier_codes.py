"""Dossier codes, Circular 01/2018/TT-VPCP art. 19:
``<agency unit code>-<YYMMDD>-<NNNN>``, NNNN a per-agency sequence that
restarts every day."""

from __future__ import annotations

import re
from datetime import date

CODE_RE = re.compile(r"^(?P<unit>.+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")


def format_code(unit_code: str, day: date, sequence: int) -> str:
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    return f"{unit_code}-{day:%y%m%d}-{sequence:04d}"


def parse_code(code: str) -> tuple[str, date, int] | None:
    """Split a code into (unit code, day, sequence); None if malformed."""
    match = CODE_RE.match(code.strip())
    if not match:
        return None
    raw = match["day"]
    try:
        day = date(2000 + int(raw[:2]), int(raw[2:4]), int(raw[4:]))
    except ValueError:
        return None
    return match["unit"], day, int(match["seq"])
