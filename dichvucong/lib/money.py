"""Money as Vietnamese readers write it: 1.234.567 đ."""

from __future__ import annotations

from decimal import Decimal


def format_vnd(amount: int | Decimal | None) -> str:
    if amount is None:
        return ""
    whole = int(Decimal(amount).quantize(Decimal(1)))
    sign = "-" if whole < 0 else ""
    return f"{sign}{abs(whole):,}".replace(",", ".") + " đ"
