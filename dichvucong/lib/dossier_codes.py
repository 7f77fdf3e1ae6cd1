"""Dossier codes, Circular 01/2018/TT-VPCP art. 19:
``<agency unit code>-<YYMMDD>-<NNNN>``, NNNN a per-agency sequence that
restarts every day, e.g. ``000.00.01.H26-171205-0001`` (25 characters).

The unit code is the national one, ``V1V2V3.Z1Z2.Y1Y2.MX1X2`` (H26 is Hà
Nội): the same code the national portal shows, so a citizen reads one
format everywhere. One format, built here only: slips, pages, SMS, the
lookup page's example and the demo all take it from format_code."""

from __future__ import annotations

import re
from datetime import date

CODE_RE = re.compile(r"^(?P<unit>.+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")
NATIONAL_UNIT_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
# The example shown when no agency has a national unit code yet.
EXAMPLE_UNIT = "000.00.01.H26"


def is_national_unit_code(unit_code: str) -> bool:
    return bool(NATIONAL_UNIT_RE.match(unit_code))


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
