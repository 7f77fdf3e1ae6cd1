"""Money as Vietnamese readers write it: 1.234.567 đ.

One format everywhere (pages, PDFs, e-mails, SMS, exports): format_vnd for
an amount, normalize_amounts for free text typed by someone else (a
catalogue's fee line such as "8000 đồng / bản sao")."""

from __future__ import annotations

import re
from decimal import Decimal

# The shape every printed amount has; tests hold texts to it.
AMOUNT_RE = re.compile(r"\d{1,3}(?:\.\d{3})* đ(?!\w)")

# An amount in free text: digits, maybe grouped by "." "," or spaces, then a
# currency word. "VNĐ", "vnđ", "VND", "đồng", "đ" all count (not the
# "đồng" of "đồng thời", "at the same time").
_TYPED_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:đồng(?! thời)|vnđ|vnd|đ)(?![^\W\d_])",
    re.IGNORECASE,
)


def format_vnd(amount: int | Decimal | None) -> str:
    if amount is None:
        return ""
    whole = int(Decimal(amount).quantize(Decimal(1)))
    sign = "-" if whole < 0 else ""
    return f"{sign}{abs(whole):,}".replace(",", ".") + " đ"


def normalize_amounts(text: str) -> str:
    """Every amount in `text` rewritten as format_vnd writes it:
    "8000 đồng / bản sao" -> "8.000 đ / bản sao"."""
    return _TYPED_AMOUNT.sub(lambda match: format_vnd(int(re.sub(r"\D", "", match[1]))), text)
