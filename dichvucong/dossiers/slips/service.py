"""The slips' public surface: which slips a dossier has, and rendering one.

A slip exists once the fact it records does: 01 once the dossier is
received, 02 once a supplement was requested, 03 once refused, 04 once an
apology was issued, 05 once received or refused. These keys (the Circular
01/2018 numbers) name the slips in URLs and stay the same for every dossier;
the number and title printed and shown are those of the dossier's rules
(dossiers/rules.py: the control slip is form 06 under Circular 03/2025)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from dichvucong.documents import signing
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.rules import Rules, Slip, rules_of
from dichvucong.dossiers.slips import documents
from dichvucong.dossiers.slips.control import control_slip
from dichvucong.dossiers.slips.register import register

__all__ = ["SlipLink", "available_slips", "register", "render_slip", "slip_links"]


def _received(dossier: Dossier) -> bool:
    return dossier.received_at is not None


# Read from the dossier's own columns, which lifecycle sets in the same
# transaction as the event each slip prints (so a page listing slips costs
# no query): a supplement request is never unset, a refusal is final, and
# only an apology sets the extended due date.
def _supplement_requested(dossier: Dossier) -> bool:
    return dossier.supplement_requested_at is not None


def _refused(dossier: Dossier) -> bool:
    return dossier.status == Status.REFUSED


def _apologised(dossier: Dossier) -> bool:
    return dossier.extended_due_date is not None


def _received_or_refused(dossier: Dossier) -> bool:
    return _received(dossier) or _refused(dossier)


SlipEntry = tuple[Slip, Callable[[Dossier], bool], Callable[[Dossier], bytes]]

SLIPS: dict[str, SlipEntry] = {
    "01": (Slip.RECEIPT, _received, documents.receipt_slip),
    "02": (Slip.SUPPLEMENT, _supplement_requested, documents.supplement_slip),
    "03": (Slip.REFUSAL, _refused, documents.refusal_slip),
    "04": (Slip.APOLOGY, _apologised, documents.apology_slip),
    "05": (Slip.CONTROL, _received_or_refused, control_slip),
}


# What the applicant is handed at the counter (receipt and appointment,
# supplement request, refusal, apology); 05 travels with the file inside
# the office.
APPLICANT_SLIPS = ("01", "02", "03", "04")


@dataclass(frozen=True)
class SlipLink:
    number: str  # the slip's key in URLs ("05" is always the control slip)
    form: str  # its form number under the dossier's rules, as printed ("06")
    title: str
    url: str


def available_slips(dossier: Dossier) -> list[str]:
    """The numbers of the slips this dossier has."""
    return [number for number, (_, exists, _) in SLIPS.items() if exists(dossier)]


def slip_links(dossier: Dossier, *, applicant: bool) -> list[SlipLink]:
    """The links a page shows: every slip the dossier has for the office,
    the applicant's own ones for the applicant. The title is the slip's."""
    keys = [n for n in available_slips(dossier) if not applicant or n in APPLICANT_SLIPS]
    rules = rules_of(dossier)
    return [_link(dossier, rules, key) for key in keys]


def _link(dossier: Dossier, rules: Rules, key: str) -> SlipLink:
    form = rules.forms[SLIPS[key][0]]
    url = reverse("slips:dossier_slip", args=[dossier.public_id, key])
    return SlipLink(key, form.number, form.title, url)


def render_slip(dossier: Dossier, number: str) -> bytes | None:
    """The PDF of slip `number`, signed by the dossier's agency, or None if the
    dossier has no such slip. Made on each request (a slip prints the
    dossier as it is now), so signed on each request too."""
    slip = SLIPS.get(number)
    if slip is None or not slip[1](dossier):
        return None
    return signing.sign(slip[2](dossier), dossier.agency)
