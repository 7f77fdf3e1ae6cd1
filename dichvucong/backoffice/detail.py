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

from dichvucong.accounts.constants import AssuranceLevel, Role
from dichvucong.accounts.services import helper_name_for_staff, profile_assurance
from dichvucong.backoffice.actions import Action, offered
from dichvucong.backoffice.forms import ActionForm
from dichvucong.backoffice.permissions import roles_for_dossier
from dichvucong.catalogue.fees import EXEMPTION_LABELS
from dichvucong.dossiers import eforms, lifecycle
from dichvucong.dossiers.access import readable_staff_dossiers, staff_dossiers
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.deadlines import timeliness
from dichvucong.dossiers.models import Attachment, Dossier, Event
from dichvucong.dossiers.slips.service import slip_links
from dichvucong.lib.money import format_vnd
from dichvucong.results import service as results


def dossier_for(user: Any, public_id: UUID, *, reading: bool = False) -> Dossier:
    """Only through staff_dossiers: another ward's dossier is a plain 404,
    which does not even confirm that it exists. `reading` (the page, not
    its actions) also finds the history the user's agency took over."""
    found = readable_staff_dossiers(user) if reading else staff_dossiers(user)
    dossiers = found.select_related(
        "agency__parent",
        "procedure__field",
        "holder",
        "assignee",
        "helper",
        # The applicant's level of assurance, shown on the page.
        "applicant__citizen",
        "applicant__organisation",
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
    # Who acted as staff read it: the helper by name, not by record pseudonym.
    who: str = ""


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
    if event.kind == EventKind.DOCUMENT and data.get("added"):
        details.append(_document_line(data))
    if data.get("tracking"):
        details.append(_("Mã bưu gửi: %(number)s") % {"number": data["tracking"]})
    return details


def _document_line(data: dict[str, Any]) -> str:
    """The file and the document it is, e.g. "Tệp: scan.pdf – Giấy chứng sinh"."""
    line = _("Tệp: %(name)s") % {"name": data["added"]}
    return f"{line} – {data['document']}" if data.get("document") else line


def form_sections(dossier: Dossier) -> list[tuple[str, list[eforms.Answer]]]:
    """Each step's title with its answers, read by the e-form engine itself
    (labels, dd/mm/yyyy dates, unit names in addresses, group rows)."""
    steps = [step for step in dossier.procedure.form_schema or [] if isinstance(step, dict)]
    titles = [str(step.get("title", "")) for step in steps]
    return list(zip(titles, eforms.answers(steps, dossier.form_data or {}), strict=True))


def timeline(dossier: Dossier) -> list[TimelineEntry]:
    helper = helper_name(dossier)
    return [
        TimelineEntry(
            event,
            _event_details(event),
            helper if helper and event.actor_id == dossier.helper_id else event.actor_name,
        )
        for event in dossier.events.order_by("seq")
    ]


def helper_name(dossier: Dossier) -> str:
    """Who submitted for the applicant, named for staff (a pupil: name and
    school); "" when the applicant submitted alone."""
    if dossier.helper_id is None or dossier.helper_id == dossier.applicant_id:
        return ""
    return helper_name_for_staff(dossier.helper)


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
        "helper_name": helper_name(dossier),
        "actions": action_forms(dossier, offered(dossier, user, roles, today), bound),
        "slips": slip_links(dossier, applicant=False),
        "register_url": REGISTER_URL,
        "counter_payment_url": counter_payment_url(dossier, roles),
        "exemption_label": EXEMPTION_LABELS.get(dossier.fee_exemption, dossier.fee_exemption),
        "applicant_assurance": AssuranceLevel(profile_assurance(dossier.applicant)).label,
        "result_draft": results.saved_draft(dossier),
        "can_draft": results.can_draft(dossier, user),
        "sent_back": sent_back_reason(dossier),
        "result_url": result_url(dossier),
    }


def sent_back_reason(dossier: Dossier) -> str:
    """Why the leader last sent the draft back, while it is back with the
    specialist; empty otherwise."""
    if dossier.status != Status.PROCESSING or dossier.holder_id is None:
        return ""
    internal = (EventKind.NOTE, EventKind.TRANSFER)
    last = dossier.events.exclude(kind__in=internal).order_by("-seq").first()
    return last.reason if last is not None and last.kind == EventKind.SEND_BACK else ""


def result_url(dossier: Dossier) -> str | None:
    if not hasattr(dossier, "result"):
        return None
    return reverse("results:download", args=[dossier.public_id])


def counter_payment_url(dossier: Dossier, roles: frozenset[str]) -> str | None:
    """Where reception takes a fee in cash (the payments app), for a
    dossier waiting for its fee."""
    if dossier.status != Status.AWAITING_PAYMENT or Role.RECEPTIONIST not in roles:
        return None
    return reverse("payments:counter", args=[dossier.public_id])
