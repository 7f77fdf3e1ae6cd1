"""The subject's page "Dữ liệu của tôi", its downloads and requests, and the
office's queue of requests (access.py says who may do what)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dichvucong.outreach import access as outreach
from dichvucong.rights import access, export, inventory, services
from dichvucong.rights.constants import ACKNOWLEDGE_WORKING_DAYS, KEPT_BY_LAW, RequestStatus
from dichvucong.rights.forms import AnswerForm, PupilRequestForm, RequestForm


def _subject(request: HttpRequest) -> None:
    if not access.is_subject_account(request.user):
        raise PermissionDenied


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    _subject(request)
    context = {
        "held": inventory.held_about(request.user),  # type: ignore[arg-type]
        "form": RequestForm(),
        "kept_by_law": KEPT_BY_LAW,
        "acknowledge_days": ACKNOWLEDGE_WORKING_DAYS,
    }
    return render(request, "rights/my_data.html", context)


@login_required
def my_data_zip(request: HttpRequest) -> HttpResponse:
    _subject(request)
    content = export.as_zip(inventory.held_about(request.user))  # type: ignore[arg-type]
    return _download(content, "application/zip", "du-lieu-cua-toi.zip")


@login_required
def my_data_pdf(request: HttpRequest) -> HttpResponse:
    _subject(request)
    content = export.as_pdf(inventory.held_about(request.user))  # type: ignore[arg-type]
    return _download(content, "application/pdf", "du-lieu-cua-toi.pdf")


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{stamp}-{name}"'
    return response


@login_required
@require_POST
def file_request(request: HttpRequest) -> HttpResponse:
    _subject(request)
    form = RequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chưa gửi: hãy chọn loại yêu cầu và ghi nội dung."))
        return redirect("rights:my_data")
    filed = services.file_request(
        form.cleaned_data["kind"],
        form.cleaned_data["details"],
        by=request.user,
        account=request.user,  # type: ignore[arg-type]
    )
    due = timezone.localtime(filed.due_at).strftime("%H:%M %d/%m/%Y")
    messages.success(
        request, _("Đã gửi yêu cầu số %(id)s. Hạn trả lời: %(due)s.") % {"id": filed.pk, "due": due}
    )
    return redirect("rights:my_data")


def _queue_door(request: HttpRequest) -> None:
    if not access.may_enter_queue(request.user):
        raise PermissionDenied


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _queue_door(request)
    rows = access.answerable_requests(request.user)
    open_rows = rows.filter(status=RequestStatus.RECEIVED).order_by("due_at", "pk")
    done = rows.exclude(status=RequestStatus.RECEIVED).order_by("-answered_at", "-pk")[:50]
    return render(request, "rights/queue.html", {"open_rows": open_rows, "done": done})


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _queue_door(request)
    row = get_object_or_404(access.answerable_requests(request.user), pk=pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and row.is_open and form.is_valid():
        try:
            services.answer_request(row, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except services.AnswerRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Đã trả lời; người yêu cầu được báo."))
            return redirect("rights:queue")
    steps = row.steps.select_related("actor")
    context = {"row": row, "form": form, "steps": steps, "kept_by_law": KEPT_BY_LAW}
    return render(request, "rights/request_detail.html", context)


@login_required
def pupil_data(request: HttpRequest, pupil_id: int) -> HttpResponse:
    """The guardian's copy of a pupil's data, handed over by the school."""
    if not access.keeps_rosters(request.user):
        raise PermissionDenied
    pupil = get_object_or_404(
        outreach.pupils_for(request.user).filter(erased_at__isnull=True), pk=pupil_id
    )
    content = export.pupil_json(inventory.held_about_pupil(pupil))
    return _download(content, "application/json", f"du-lieu-hoc-sinh-{pupil.pk}.json")


@login_required
@require_http_methods(["GET", "POST"])
def pupil_request(request: HttpRequest, pupil_id: int) -> HttpResponse:
    """The school files a guardian's request about a pupil."""
    if not access.keeps_rosters(request.user):
        raise PermissionDenied
    pupil = get_object_or_404(outreach.pupils_for(request.user), pk=pupil_id)
    if pupil.is_erased:
        raise Http404
    form = PupilRequestForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        filed = services.file_request(
            data["kind"],
            data["details"],
            by=request.user,  # type: ignore[arg-type]
            pupil=pupil,
            on_behalf_of=data["on_behalf_of"],
        )
        messages.success(request, _("Đã ghi nhận yêu cầu số %(id)s.") % {"id": filed.pk})
        return redirect("rights:request_detail", pk=filed.pk)
    return render(request, "rights/pupil_request.html", {"pupil": pupil, "form": form})
