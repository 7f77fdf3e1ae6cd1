"""Following a submitted dossier: its page with the timeline, withdrawing
it, and sending a requested supplement."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dichvucong.catalogue.models import Agency
from dichvucong.dossiers import lifecycle, submission
from dichvucong.dossiers.constants import AttachmentKind, EventKind, Status
from dichvucong.dossiers.deadlines import timeliness
from dichvucong.dossiers.forms import ACCEPT, SupplementForm, WithdrawForm
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.dossiers.reorganise import agency_now
from dichvucong.dossiers.slips.service import slip_links
from dichvucong.dossiers.views.mine import own_dossier, resume_url

WITHDRAWABLE = (Status.SUBMITTED, Status.ACCEPTED)

# What each status change means, told to the applicant.
STATUS_TEXT = {
    Status.SUBMITTED: gettext_lazy("Hồ sơ đã được nộp trực tuyến."),
    Status.ACCEPTED: gettext_lazy("Hồ sơ đã được tiếp nhận."),
    Status.REFUSED: gettext_lazy("Hồ sơ không được tiếp nhận."),
    Status.PROCESSING: gettext_lazy("Hồ sơ được chuyển cho chuyên viên xử lý."),
    Status.SUPPLEMENT: gettext_lazy("Cơ quan yêu cầu bổ sung hồ sơ."),
    Status.AWAITING_PAYMENT: gettext_lazy("Cơ quan yêu cầu nộp phí, lệ phí."),
    Status.WITHDRAWN: gettext_lazy("Hồ sơ đã được rút."),
    Status.STOPPED: gettext_lazy("Hồ sơ bị dừng xử lý."),
    Status.RESOLVED: gettext_lazy("Đã có kết quả giải quyết."),
    Status.RETURNED: gettext_lazy("Đã trả kết quả."),
}
# Statuses set at the one-stop counter rather than by the handling office.
COUNTER_STATUSES = (Status.ACCEPTED, Status.REFUSED, Status.RETURNED)


@dataclass
class Moment:
    """One line of the timeline the applicant reads."""

    at: datetime
    who: str
    text: str
    reason: str = ""
    items: list[str] = field(default_factory=list)


def _office(agency: Agency, event: Event) -> str:
    """Staff are shown as their office, never by name."""
    at_counter = (event.kind == EventKind.STATUS and event.to_status in COUNTER_STATUSES) or (
        event.to_status == Status.SUPPLEMENT and event.from_status == Status.SUBMITTED
    )
    if at_counter:
        counter = agency.parent or agency
        return _("Bộ phận Một cửa – %(agency)s") % {"agency": counter.name}
    return agency.name


def _who(dossier: Dossier, event: Event, agency: Agency) -> str:
    if event.actor_id is None:
        return _("Hệ thống")
    if event.actor_id == dossier.applicant_id:
        return _("Bạn")
    if event.actor_id == dossier.helper_id:
        return _("Người hỗ trợ")
    return _office(agency, event)


def _ddmmyyyy(iso: Any) -> str:
    try:
        return date.fromisoformat(str(iso)).strftime("%d/%m/%Y")
    except ValueError:
        return ""


def _status_moment(event: Event) -> tuple[str, str, list[str]]:
    data = event.data if isinstance(event.data, dict) else {}
    if event.from_status == Status.SUPPLEMENT:
        return _("Đã gửi hồ sơ bổ sung."), event.reason, []
    text = str(STATUS_TEXT.get(event.to_status, ""))
    if event.to_status == Status.ACCEPTED and data.get("due_date"):
        due = _ddmmyyyy(data["due_date"])
        text += " " + _("Ngày hẹn trả kết quả: %(date)s.") % {"date": due}
    items = [str(item) for item in data.get("missing") or []]
    return text, event.reason, items


def _document_text(data: dict[str, Any]) -> str:
    """Names the document as well as the file: "Giấy chứng sinh (scan.pdf)"."""
    name, document = str(data.get("added", "")), str(data.get("document") or "")
    what = _("%(document)s (tệp %(name)s)") % {"document": document, "name": name}
    what = what if document else name
    if data.get("kind") == AttachmentKind.SUPPLEMENT:
        return _("Đã tải lên tệp bổ sung: %(name)s.") % {"name": what}
    if data.get("kind") == AttachmentKind.RESULT:
        return _("Cơ quan đã gửi kết quả: %(name)s.") % {"name": what}
    return _("Đã thêm tệp: %(name)s.") % {"name": what}


def _moment(dossier: Dossier, event: Event, agency: Agency) -> Moment | None:
    """Internal steps (assignment, notes) are not shown to the applicant."""
    data = event.data if isinstance(event.data, dict) else {}
    reason, items = "", []
    if event.kind == EventKind.STATUS:
        text, reason, items = _status_moment(event)
    elif event.kind == EventKind.FORWARD:
        text = _("Hồ sơ đã được thẩm định, đang trình lãnh đạo phê duyệt.")
    elif event.kind == EventKind.DOCUMENT:
        text = _document_text(data)
    elif event.kind == EventKind.DATA:
        text = _("Nội dung hồ sơ được cập nhật.")
    elif event.kind == EventKind.APOLOGY:
        new = _ddmmyyyy(data.get("new_due_date"))
        text = _("Cơ quan xin lỗi vì chậm trả kết quả và hẹn lại ngày %(date)s.") % {"date": new}
        reason = event.reason
    elif event.kind == EventKind.TRANSFER:
        text = _(
            "Do sắp xếp đơn vị hành chính, hồ sơ được chuyển đến %(agency)s; "
            "thời hạn giải quyết giữ nguyên."
        ) % {"agency": data.get("to_agency_name", "")}
    else:
        return None
    return Moment(
        at=event.at, who=_who(dossier, event, agency), text=text, reason=reason, items=items
    )


def timeline(dossier: Dossier) -> list[Moment]:
    events = list(dossier.events.order_by("seq"))
    holders = _holders(dossier, events)
    moments = (
        _moment(dossier, event, agency) for event, agency in zip(events, holders, strict=True)
    )
    return [moment for moment in moments if moment is not None]


def _holders(dossier: Dossier, events: list[Event]) -> list[Agency]:
    """The agency that held the dossier at each event: before a transfer
    (a reorganisation), the one it came from, named as it was. One query,
    only for a dossier that was transferred."""
    transfers = [e for e in events if e.kind == EventKind.TRANSFER and isinstance(e.data, dict)]
    if not transfers:
        return [dossier.agency] * len(events)
    codes = [str(event.data.get("from_agency", "")) for event in transfers]
    by_code = Agency.objects.select_related("parent").in_bulk(codes, field_name="unit_code")
    holders, holder = [], dossier.agency
    for event in reversed(events):
        holders.append(holder)
        if event in transfers:
            holder = by_code.get(str(event.data.get("from_agency", "")), holder)
    return holders[::-1]


# --- Views ------------------------------------------------------------------------


def _render_detail(
    request: HttpRequest,
    dossier: Dossier,
    *,
    withdraw_form: Any = None,
    supplement_form: Any = None,
    refused: list[str] | None = None,
) -> HttpResponse:
    attachments = list(dossier.attachments.select_related("document"))
    context = {
        "dossier": dossier,
        "procedure": dossier.procedure,
        "agency_now": agency_now(dossier.agency),
        "timeline": timeline(dossier),
        "timeliness": timeliness(dossier),
        "application_files": [a for a in attachments if a.kind == AttachmentKind.APPLICATION],
        "supplement_files": [a for a in attachments if a.kind == AttachmentKind.SUPPLEMENT],
        "result_files": [a for a in attachments if a.kind == AttachmentKind.RESULT],
        "can_withdraw": dossier.status in WITHDRAWABLE,
        "withdraw_form": withdraw_form or WithdrawForm(),
        "supplement": (
            submission.supplement_request(dossier) if dossier.status == Status.SUPPLEMENT else None
        ),
        "supplement_form": supplement_form or SupplementForm(),
        "refused": refused or [],
        "accept": ACCEPT,
        "paid_payments": dossier.payments.filter(status="paid").order_by("paid_at"),
        "result": getattr(dossier, "result", None),
        "slips": slip_links(dossier, applicant=True),
        "can_rate": dossier.status in (Status.RESOLVED, Status.RETURNED)
        and not hasattr(dossier, "rating"),
    }
    return render(request, "dossiers/detail.html", context)


@login_required
def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = own_dossier(request, public_id)
    if dossier.is_draft:
        return redirect(resume_url(dossier))
    return _render_detail(request, dossier)


@login_required
@require_POST
def withdraw(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = own_dossier(request, public_id)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, dossier, withdraw_form=form)
    try:
        lifecycle.withdraw(dossier, request.user, form.cleaned_data["reason"])
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã rút hồ sơ. Cơ quan sẽ không xử lý hồ sơ này nữa."))
    return redirect("dossiers:detail", dossier.public_id)


@login_required
@require_POST
def supplement(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Files first (each kept on its own), then "Gửi bổ sung" sends them."""
    dossier = own_dossier(request, public_id)
    form = SupplementForm(request.POST)
    files = _supplement_uploads(request, dossier)
    try:
        refused = submission.add_supplement_files(dossier, request.user, files) if files else {}
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect("dossiers:detail", dossier.public_id)
    if len(files) > len(refused.get("other", [])):
        messages.success(request, _("Đã tải lên tệp bổ sung."))
    if refused or not form.is_valid():
        return _render_detail(
            request, dossier, supplement_form=form, refused=refused.get("other", [])
        )
    if request.POST.get("action") == "send":
        _send_supplement(request, dossier, form.cleaned_data["note"])
    return redirect("dossiers:detail", dossier.public_id)


def _supplement_uploads(request: HttpRequest, dossier: Dossier) -> list[tuple[str, Any]]:
    """Each file with the requested document it answers: the page has one
    file box per listed document ("files-<n>") and one for anything else."""
    asked = submission.supplement_request(dossier) or {"missing": []}
    files = []
    for index, name in enumerate(asked["missing"]):
        files += [(name, upload) for upload in request.FILES.getlist(f"files-{index}")]
    return files + [("", upload) for upload in request.FILES.getlist("files")]


def _send_supplement(request: HttpRequest, dossier: Dossier, note: str) -> None:
    try:
        submission.send_supplement(dossier, request.user, note)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã gửi hồ sơ bổ sung. Cơ quan sẽ tiếp tục giải quyết."))
