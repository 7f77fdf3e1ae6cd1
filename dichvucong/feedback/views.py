"""Rating a dossier; sending, tracking, answering and publishing petitions."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from dichvucong.dossiers import access
from dichvucong.dossiers.constants import Status
from dichvucong.feedback import service
from dichvucong.feedback.constants import PetitionStatus
from dichvucong.feedback.forms import (
    AnswerForm,
    CloseForm,
    PetitionForm,
    PetitionLookupForm,
    RatingForm,
)
from dichvucong.feedback.models import Rating
from dichvucong.feedback.service import FeedbackError
from dichvucong.throttle import Limit, Refused, client_address, too_many

SUBMISSIONS = Limit("petition-submissions", 5, 60 * 60)
LOOKUP_FAILURES = Limit("petition-lookup-failures", 10, 15 * 60)
SESSION_CODE = "feedback:new-tracking-code"
STAFF_PAGE_SIZE = 50

# --- Rating -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Another applicant's dossier is a 404, like one that does not exist."""
    dossier = get_object_or_404(
        access.applicant_dossiers(request.user).exclude(status=Status.DRAFT), public_id=public_id
    )
    form = RatingForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            service.rate(
                dossier, request.user, form.cleaned_data["level"], form.cleaned_data["comment"]
            )
        except FeedbackError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Cảm ơn bạn đã đánh giá."))
        return redirect("feedback:rate", public_id=dossier.public_id)
    context = {
        "dossier": dossier,
        "form": form,
        "can_rate": service.can_rate(dossier),
        "rating": Rating.objects.filter(dossier=dossier).first(),
    }
    return render(request, "feedback/rate.html", context)


# --- Petitions: the public side ---------------------------------------------------


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "feedback/submit.html", {"form": PetitionForm()})
    address = client_address(request)
    try:
        SUBMISSIONS.check(address)
    except Refused as refused:
        context = {"form": PetitionForm(request.POST), "throttled": True}
        return too_many(request, refused, "feedback/submit.html", context)
    form = PetitionForm(request.POST)
    if form.is_bot:
        # Looks like success to the bot; nothing is stored.
        SUBMISSIONS.hit(address)
        return redirect("feedback:submitted")
    if not form.is_valid():
        return render(request, "feedback/submit.html", {"form": form})
    try:
        _petition, code = service.submit_petition(**form.petition_fields())
    except FeedbackError as error:
        form.add_error(None, str(error))
        return render(request, "feedback/submit.html", {"form": form})
    SUBMISSIONS.hit(address)
    request.session[SESSION_CODE] = code
    return redirect("feedback:submitted")


def submitted(request: HttpRequest) -> HttpResponse:
    """Shows the tracking code once: it leaves the session as it is shown."""
    code = request.session.pop(SESSION_CODE, None)
    if code is None:
        return redirect("feedback:submit")
    response = render(request, "feedback/submitted.html", {"code": code})
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    """By POST, so neither the code nor the contact lands in a URL or a log."""
    address = client_address(request)
    try:
        LOOKUP_FAILURES.check(address)
    except Refused as refused:
        context = {"form": PetitionLookupForm(), "throttled": True}
        return too_many(request, refused, "feedback/lookup.html", context)
    form = PetitionLookupForm(request.POST if request.method == "POST" else None)
    petition = None
    if form.is_valid():
        petition = service.find_petition(form.cleaned_data["code"], form.cleaned_data["contact"])
        if petition is None:
            LOOKUP_FAILURES.hit(address)
            form.add_error(
                None, _("Không tìm thấy phản ánh khớp với mã tra cứu và thông tin liên hệ đã nhập.")
            )
    return render(request, "feedback/lookup.html", {"form": form, "petition": petition})


def public_list(request: HttpRequest) -> HttpResponse:
    page, items = service.public_petitions(request.GET.get("trang"))
    return render(request, "feedback/public_list.html", {"page": page, "items": items})


# --- Petitions: staff -------------------------------------------------------------------


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    if not access.agency_ids_for(request.user):
        raise Http404
    petitions = service.staff_petitions(request.user)
    status = request.GET.get("trang-thai", PetitionStatus.RECEIVED)
    if status in PetitionStatus.values:
        petitions = petitions.filter(status=status)
    page = Paginator(petitions, STAFF_PAGE_SIZE).get_page(request.GET.get("trang"))
    context = {"page": page, "status": status, "statuses": PetitionStatus.choices}
    return render(request, "feedback/manage_list.html", context)


# action -> (its form, the field it needs, the operation)
ACTIONS: dict[str, tuple[type[forms.Form], str, Callable[..., Any]]] = {
    "answer": (AnswerForm, "answer", service.answer_petition),
    "close": (CloseForm, "note", service.close_petition),
}


def _act(request: HttpRequest, operation: Callable[..., Any], petition: Any, text: str) -> None:
    try:
        operation(petition, request.user, text)
    except FeedbackError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã lưu."))


@login_required
@require_http_methods(["GET", "POST"])
def manage_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Another agency's petition is a 404, like one that does not exist."""
    petition = get_object_or_404(service.staff_petitions(request.user), public_id=public_id)
    context: dict[str, Any] = {"answer_form": AnswerForm(), "close_form": CloseForm()}
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ACTIONS:
        form_class, field, operation = ACTIONS[action]
        form = form_class(request.POST)
        if form.is_valid():
            _act(request, operation, petition, form.cleaned_data[field])
            return redirect("feedback:manage_detail", public_id=petition.public_id)
        context[f"{action}_form"] = form
    return render(request, "feedback/manage_detail.html", {"petition": petition, **context})
