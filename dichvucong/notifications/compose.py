"""What each recipient of a status change is told, rendered from the
templates in templates/notifications/.

The applicant hears the status, the code, the due date and the lookup link,
by e-mail (if the dossier has an address) and by SMS. A helper who submitted
for them hears the status of the dossier and the applicant's name, nothing
more: no due date, no link, no contact data.

SMS are folded to ASCII on purpose: Vietnamese diacritics force the UCS-2
encoding, 70 characters per SMS instead of 160 in GSM-7, so one message
would cost two or three. Unaccented Vietnamese is what Vietnamese service
SMS usually look like and reads well. Every status fits one 160-character
SMS while SITE_URL has at most 36 characters (the default has 21) with
codes of 25 (lib/dossier_codes.py); beyond that the longest become two-part
SMS, never cut. A dossier waiting for its fee reads "Cho nop phi: 8.000 d"
(money as lib/money.py writes it, folded).

A citizen who chose Zalo (CitizenProfile.notify_by_zalo, offered only
while the channel is configured) gets a Zalo message instead of the SMS:
the same SMS text, kept for the fallback, and the fields the ZNS
template's parameters are filled from (zalo.py, ZALO_TEMPLATES).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.lib.money import format_vnd
from dichvucong.notifications import zalo
from dichvucong.notifications.constants import Channel, RecipientRole
from dichvucong.public_url import public_url

# Statuses whose messages give the due date.
CLOCK_RUNNING = (Status.ACCEPTED, Status.PROCESSING)


@dataclass(frozen=True)
class Draft:
    role: str
    channel: str
    recipient: str
    subject: str
    body: str
    template_kind: str = ""
    template_fields: dict[str, str] = field(default_factory=dict)


def drafts_for(dossier: Dossier, *, transferred: bool = False) -> list[Draft]:
    """Every message the dossier's current status calls for; `transferred`:
    the dossier was handed to another agency (its status stays, so the
    helper, who hears only the status, is not told)."""
    # In Vietnamese whatever language the acting user browses in.
    with translation.override("vi"):
        if transferred:
            return _for_applicant(dossier, transferred=True)
        return [*_for_applicant(dossier), *_for_helper(dossier)]


def _for_applicant(dossier: Dossier, *, transferred: bool = False) -> list[Draft]:
    context = {
        **_status_context(dossier),
        "transferred": transferred,
        "agency": dossier.agency.name,
        "procedure": dossier.procedure.name,
        "due_date": _due_date(dossier),
        "lookup_url": lookup_url(dossier.code or ""),
    }
    return _drafts(
        RecipientRole.APPLICANT,
        context,
        dossier.applicant_email,
        dossier.applicant_phone,
        by_zalo=chose_zalo(dossier.applicant),
    )


def _for_helper(dossier: Dossier) -> list[Draft]:
    helper = dossier.helper
    if helper is None or helper.pk == dossier.applicant_id:
        return []
    return _drafts(
        RecipientRole.HELPER,
        _status_context(dossier),
        helper.email,
        user_phone(helper),
        by_zalo=chose_zalo(helper),
    )


def _status_context(dossier: Dossier) -> dict[str, Any]:
    status = Status(dossier.status)
    return {
        "code": dossier.code,
        "status": status.name.lower(),
        "status_label": dossier.status_text,
        "fee": format_vnd(dossier.fee_amount),
        "name": dossier.applicant_name,
    }


def _due_date(dossier: Dossier) -> Any:
    # Only while the office's clock runs; the appointment of a dossier that
    # waits for the applicant, or is done, would mislead.
    return dossier.effective_due_date if dossier.status in CLOCK_RUNNING else None


def _drafts(
    role: str, context: dict[str, Any], email: str, phone: str, *, by_zalo: bool
) -> list[Draft]:
    context = {**context, "role": role}
    drafts = []
    if email:
        subject = " ".join(render_to_string("notifications/email_subject.txt", context).split())
        body = tidy(render_to_string("notifications/email_body.txt", context))
        drafts.append(Draft(role, Channel.EMAIL, email, subject, body))
    if phone:
        text = ascii_fold(render_to_string("notifications/sms.txt", context))
        if by_zalo:
            kind, fields = context["status"], template_fields(context)
            drafts.append(Draft(role, Channel.ZALO, phone, "", text, kind, fields))
        else:
            drafts.append(Draft(role, Channel.SMS, phone, "", text))
    return drafts


def chose_zalo(user: Any) -> bool:
    # Settings first: with Zalo off, no query for the profile.
    if not zalo.is_configured():
        return False
    citizen = getattr(user, "citizen", None)
    return bool(citizen and citizen.notify_by_zalo)


def template_fields(context: dict[str, Any]) -> dict[str, str]:
    """The values a ZNS template may name (ZALO_TEMPLATES' "data"), as
    text; what the helper may not see is simply absent from its context."""
    names = ("code", "status", "status_label", "fee", "name", "agency", "procedure")
    fields = {name: str(context[name]) for name in names if context.get(name) is not None}
    if context.get("due_date"):
        fields["due_date"] = context["due_date"].strftime("%d/%m/%Y")
    if context.get("lookup_url"):
        fields["lookup_url"] = context["lookup_url"]
    return fields


def lookup_url(code: str) -> str:
    query = urlencode({"ma": code})
    return public_url(f"{reverse('lookup:form')}?{query}")


def user_phone(user: Any) -> str:
    """A citizen's or an organisation's phone; staff accounts have none."""
    for profile in ("citizen", "organisation"):
        phone = getattr(getattr(user, profile, None), "phone", "")
        if phone:
            return str(phone)
    return ""


def ascii_fold(text: str) -> str:
    """One line of plain ASCII: marks dropped, đ/Đ as d/D (letters of
    their own in Unicode, not d plus a mark), case kept."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = decomposed.encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.split())


def tidy(text: str) -> str:
    """Template tags leave blank lines behind: no trailing spaces, at most
    one empty line in a row."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
