"""What the dossier page shows: summary, deadline, form answers,
attachments, the event timeline, slips, and the actions on offer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import Role
from dichvucong.backoffice.actions import Action, offered
from dichvucong.backoffice.forms import ActionForm
from dichvucong.backoffice.permissions import roles_for_dossier
from dichvucong.catalogue.fees import EXEMPTION_LABELS
from dichvucong.dossiers import eforms, lifecycle
from dichvucong.dossiers.access import staff_dossiers
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.deadlines import timeliness
from dichvucong.dossiers.models import Attachment, Dossier, Event
from dichvucong.dossiers.slips.service import slip_links
from dichvucong.lib.money import format_vnd


def dossier_for(user: Any, public_id: UUID) -> Dossier:
    """Only through staff_dossiers: another ward's dossier is a plain 404,
    which does not even confirm that it exists."""
    dossiers = staff_dossiers(user).select_related(
        "agency__parent", "procedure__field", "holder", "assignee", "helper"
    )
    return get_object_or_404(dossiers, public_id=public_id)


REGISTER_URL = "/phieu/so-theo-doi.pdf"


def attachment_url(public_id: UUID) -> str:
    # The dossiers app serves attachments, checking access again.
    return reverse("dossiers:attachment", args=[public_id])


@dataclass(frozen=True)
class TimelineEntry:
    event: Event
    details: list[str]


def _iso_day(value: Any) -> str:
    try:
        return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)


def _event_details(event: Event) -> list[str]:
    """The parts of an event's data worth reading, in words."""
    data = event.data or {}
    details = []
    if data.get("missing"):
        details.append(_("Cần bổ sung: %(items)s") % {"items": "; ".join(data["missing"])})
    if data.get("assignee"):
        details.append(_("Chuyên viên: %(name)s") % {"name": data["assignee"]})
    if data.get("due_date") and event.kind == EventKind.STATUS:
        details.append(_("Hẹn trả: %(date)s") % {"date": _iso_day(data["due_date"])})
    if data.get("restarted"):
        details.append(_("Đã nhận đủ bổ sung: thời hạn tính lại từ đầu."))
    if data.get("new_due_date"):
        details.append(
            _("Hẹn lại: %(old)s → %(new)s")
            % {"old": _iso_day(data.get("old_due_date", "")), "new": _iso_day(data["new_due_date"])}
        )
    if data.get("fee_amount"):
        details.append(
            _("Lệ phí phải nộp: %(amount)s") % {"amount": format_vnd(data["fee_amount"])}
        )
    if data.get("tracking"):
        details.append(_("Mã bưu gửi: %(number)s") % {"number": data["tracking"]})
    return details


def form_sections(dossier: Dossier) -> list[tuple[str, list[eforms.Answer]]]:
    """Each step's title with its answers, read by the e-form engine itself
    (labels, dd/mm/yyyy dates, unit names in addresses, group rows)."""
    steps = [step for step in dossier.procedure.form_schema or [] if isinstance(step, dict)]
    titles = [str(step.get("title", "")) for step in steps]
    return list(zip(titles, eforms.answers(steps, dossier.form_data or {}), strict=True))


def timeline(dossier: Dossier) -> list[TimelineEntry]:
    return [TimelineEntry(event, _event_details(event)) for event in dossier.events.order_by("seq")]


def attachments(dossier: Dossier) -> list[tuple[Attachment, str]]:
    return [
        (item, attachment_url(item.public_id))
        for item in dossier.attachments.select_related("document")
    ]


def action_forms(
    dossier: Dossier, actions: list[Action], bound: tuple[str, ActionForm] | None
) -> list[tuple[Action, ActionForm]]:
    """An empty form per offered action, or the bound one that failed, so
    the clerk's typing is kept and the errors shown next to it."""
    pairs = []
    for action in actions:
        if bound is not None and bound[0] == action.slug:
            pairs.append((action, bound[1]))
        else:
            pairs.append((action, action.form_class(dossier=dossier, auto_id=auto_id(action.slug))))
    return pairs


def auto_id(slug: str) -> str:
    # Several forms share the page, so field ids carry the action's name.
    return f"id_{slug}_%s"


def context(
    user: Any, dossier: Dossier, bound: tuple[str, ActionForm] | None = None
) -> dict[str, Any]:
    today = timezone.localdate()
    roles = roles_for_dossier(user, dossier)
    return {
        "dossier": dossier,
        "timeliness": timeliness(dossier, today),
        "forwarded": dossier.status == Status.PROCESSING and lifecycle.was_forwarded(dossier),
        "sections": form_sections(dossier),
        "attachments": attachments(dossier),
        "timeline": timeline(dossier),
        "actions": action_forms(dossier, offered(dossier, user, roles, today), bound),
        "slips": slip_links(dossier, applicant=False),
        "register_url": REGISTER_URL,
        "counter_payment_url": counter_payment_url(dossier, roles),
        "exemption_label": EXEMPTION_LABELS.get(dossier.fee_exemption, dossier.fee_exemption),
    }


def counter_payment_url(dossier: Dossier, roles: frozenset[str]) -> str | None:
    """Where reception takes a fee in cash (the payments app), for a
    dossier waiting for its fee."""
    if dossier.status != Status.AWAITING_PAYMENT or Role.RECEPTIONIST not in roles:
        return None
    return reverse("payments:counter", args=[dossier.public_id])
