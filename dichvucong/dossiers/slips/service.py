"""The slips' public surface: which slips a dossier has, and rendering one.

A slip exists once the fact it records does: 01 once the dossier is
received, 02 once a supplement was requested, 03 once refused, 04 once an
apology was issued, 05 once received or refused."""

from __future__ import annotations

from collections.abc import Callable

from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.slips import documents
from dichvucong.dossiers.slips.control import CONTROL, control_slip
from dichvucong.dossiers.slips.register import register

__all__ = ["SLIP_TITLES", "available_slips", "register", "render_slip"]


def _received(dossier: Dossier) -> bool:
    return dossier.received_at is not None


def _received_or_refused(dossier: Dossier) -> bool:
    return _received(dossier) or documents.refusal_event(dossier) is not None


Slip = tuple[str, Callable[[Dossier], bool], Callable[[Dossier], bytes]]

SLIPS: dict[str, Slip] = {
    "01": (documents.RECEIPT, _received, documents.receipt_slip),
    "02": (
        documents.SUPPLEMENT,
        lambda d: documents.supplement_event(d) is not None,
        documents.supplement_slip,
    ),
    "03": (
        documents.REFUSAL,
        lambda d: documents.refusal_event(d) is not None,
        documents.refusal_slip,
    ),
    "04": (
        documents.APOLOGY,
        lambda d: documents.apology_event(d) is not None,
        documents.apology_slip,
    ),
    "05": (CONTROL, _received_or_refused, control_slip),
}
SLIP_TITLES = {number: title for number, (title, _, _) in SLIPS.items()}


def available_slips(dossier: Dossier) -> list[str]:
    """The numbers of the slips this dossier has, for links in pages."""
    return [number for number, (_, exists, _) in SLIPS.items() if exists(dossier)]


def render_slip(dossier: Dossier, number: str) -> bytes | None:
    """The PDF of slip `number`, or None if the dossier has no such slip."""
    slip = SLIPS.get(number)
    if slip is None or not slip[1](dossier):
        return None
    return slip[2](dossier)
