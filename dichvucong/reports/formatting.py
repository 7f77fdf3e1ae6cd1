"""Numbers as Vietnamese readers write them: 1.234 and 95,3%.

Framework-free, shared by the pages, the charts and the exports, so a
figure reads the same everywhere."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

NO_DATA = "—"


def format_count(value: int | None) -> str:
    """12345 -> "12.345"."""
    if value is None:
        return NO_DATA
    return f"{value:,}".replace(",", ".")


def format_decimal(value: float | None, places: int = 1) -> str:
    """2 places: 18.456 -> "18,46". Rounded half up, as people round by hand."""
    if value is None:
        return NO_DATA
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{rounded:f}".partition(".")
    whole = format_count(int(whole)) if whole != "-0" else "0"
    return f"{whole},{fraction}" if fraction else whole


def format_share(value: float | None) -> str:
    """0.9534 -> "95,3%"; None (nothing to divide by) -> "—"."""
    if value is None:
        return NO_DATA
    return f"{format_decimal(value * 100, 1)}%"


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by: a share of
    nothing is unknown, not 0% and not 100%."""
    return part / whole if whole else None
