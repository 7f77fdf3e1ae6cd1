"""The fee a dossier owes, from its procedure's fee rule and its form data."""

from __future__ import annotations

from typing import Any

from dichvucong.catalogue.fees import FeeNotSet, compute_fee
from dichvucong.dossiers.models import Dossier

# No fee of a district's procedures comes near a billion đồng; it is also
# the most a receptionist may enter. Past it the form's page or copy count
# is not believable, and the receptionist sets the fee (as for a fee the
# catalogue lacks) instead of the dossier storing a number no column holds.
MAX_FEE = 1_000_000_000


def _count(value: Any) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def _page_rows(data: dict[str, Any]) -> list[tuple[int, int]]:
    """(pages, copies) per document: the rows of a repeating group that has
    pages or copies, else the form's own `pages`/`copies` fields."""
    for value in data.values():
        rows = value if isinstance(value, list) and value else []
        if all(isinstance(row, dict) for row in rows) and any(
            "pages" in row or "copies" in row for row in rows
        ):
            return [(_count(row.get("pages")), _count(row.get("copies"))) for row in rows]
    return [(_count(data.get("pages", 1)), _count(data.get("copies", 1)))]


def dossier_fee(dossier: Dossier) -> int | None:
    """What the dossier owes before any exemption; None when the amount is
    not in the catalogue (a council-set fee the administrator has not
    entered) or past MAX_FEE, and the receptionist must set it."""
    rule = dossier.procedure.fee_rule or {"kind": "free"}
    try:
        total = sum(compute_fee(rule, pages, copies)
                    for pages, copies in _page_rows(dossier.form_data or {}))
    except (FeeNotSet, ValueError):
        return None
    return total if total <= MAX_FEE else None
