"""The fee a dossier owes, from its procedure's fee rule and its form data."""

from __future__ import annotations

from typing import Any

from dichvucong.catalogue.fees import FeeNotSet, compute_fee
from dichvucong.dossiers.models import Dossier


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
    entered) and the receptionist must set it."""
    rule = dossier.procedure.fee_rule or {"kind": "free"}
    try:
        return sum(compute_fee(rule, pages, copies)
                   for pages, copies in _page_rows(dossier.form_data or {}))
    except (FeeNotSet, ValueError):
        return None
