"""Assisted submission pages (/dai-su-so/ho-tro/): the helper's list and
status pages (status only), starting a draft for an applicant, sending and
typing the one-time code; and the applicant's own "Xác nhận và nộp". The
draft is filled in on the applicant's pages (dossiers.views.apply)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dichvucong.accounts.fields import IdNumberField, PhoneField
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers import access as dossier_access
from dichvucong.dossiers import submission
from dichvucong.dossiers.forms import StartForm
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.views.mine import first_page_url
from dichvucong.outreach import assisted, practice
from dichvucong.outreach.assisted import HelpedDossier
from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.views.practice import ambassador_only, procedure_page
from dichvucong.throttle import client_address
from dichvucong.throttle.rules import CODE_FAILURES, CODE_SENDS

# --- Forms ---------------------------------------------------------------------


class AssistedStartForm(StartForm):
    """Who the dossier is for, then where and how (dossiers' StartForm)."""

    full_name = forms.CharField(
        label=gettext_lazy("Họ và tên người nộp"),
        max_length=150,
        error_messages={
            "required": gettext_lazy(
                "Nhập họ và tên người nộp như trên thẻ căn cước, ví dụ Nguyễn Văn Bình."
            )
        },
    )
    id_number = IdNumberField(
        label=gettext_lazy("Số định danh cá nhân của người nộp (12 số)"),
        error_messages={
            "required": gettext_lazy(
                "Nhập số định danh cá nhân 12 số in trên thẻ căn cước của người nộp, "
                "ví dụ 001090012345."
            )
        },
    )
    phone = PhoneField(label=gettext_lazy("Số điện thoại di động của người nộp"), required=False)
    email = forms.EmailField(
        label=gettext_lazy("Thư điện tử của người nộp"),
        required=False,
        error_messages={
            "invalid": gettext_lazy("Địa chỉ thư điện tử chưa đúng, ví dụ: ten@gmail.com.")
        },
    )
    agreed = forms.BooleanField(
        label=gettext_lazy("Người nộp đã nhờ tôi khai giúp hồ sơ này"),
        error_messages={
            "required": gettext_lazy("Đánh dấu ô này khi người nộp đã nhờ bạn khai giúp.")
        },
    )
    field_order = ["full_name", "id_number", "phone", "email", "ward", "delivery"]

    def __init__(self, *args: Any, ambassador: Ambassador, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = _("Mã xác nhận gửi tới số này hoặc thư điện tử dưới đây.")
        if "ward" in self.fields:
            self.fields["ward"].initial = practice.practice_ward(ambassador)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and not self.has_error("phone"):
            self.add_error("phone", _("Cần số điện thoại hoặc thư điện tử để gửi mã xác nhận."))
        return cleaned

    def details(self) -> assisted.ApplicantDetails:
        data = self.cleaned_data
        return assisted.ApplicantDetails(
            full_name=" ".join(data["full_name"].split()),
            id_number=data["id_number"],
            phone=data.get("phone") or "",
            email=data.get("email") or "",
        )

    def choices(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "ward": data.get("ward"),
            "delivery": data["delivery"],
            "delivery_address": data.get("delivery_address") or "",
        }


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=gettext_lazy("Mã xác nhận (6 chữ số)"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={
            "required": gettext_lazy(
                "Nhập mã xác nhận 6 chữ số người nộp nhận được, ví dụ 123456."
            ),
            "invalid": gettext_lazy("Mã xác nhận gồm 6 chữ số. Ví dụ: 123456."),
        },
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": 8}
        ),
    )


# --- The helper's pages -------------------------------------------------------------


def _helped_or_404(request: HttpRequest, public_id: uuid.UUID) -> HelpedDossier:
    found = assisted.helped_dossiers(request.user, public_id)
    if not found:
        raise Http404
    return found[0]


def _helper_draft(request: HttpRequest, public_id: uuid.UUID) -> Dossier:
    """The draft this helper fills in, or 404 (submitted ones included)."""
    drafts = dossier_access.editable_drafts(request.user).filter(helper=request.user)
    return get_object_or_404(drafts, public_id=public_id)


@require_GET
@ambassador_only
def helped_list(request: HttpRequest, *, ambassador: Ambassador) -> HttpResponse:
    context = {"rows": assisted.helped_dossiers(request.user)}
    return render(request, "outreach/helpers/assisted_list.html", context)


@require_GET
@ambassador_only
def pick_procedure(request: HttpRequest, *, ambassador: Ambassador) -> HttpResponse:
    query, page = procedure_page(request)
    return render(request, "outreach/helpers/assisted_pick.html", {"query": query, "page": page})


@require_http_methods(["GET", "POST"])
@ambassador_only
def start(request: HttpRequest, code: str, *, ambassador: Ambassador) -> HttpResponse:
    procedure: Procedure = get_object_or_404(practice.online_procedures(), code=code)
    form = AssistedStartForm(
        request.POST or None, procedure=procedure, user=request.user, ambassador=ambassador
    )
    if request.method == "POST" and form.is_valid():
        try:
            dossier = assisted.start_assisted(
                request.user, procedure, form.details(), **form.choices()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect(first_page_url(dossier))
    context = {"procedure": procedure, "form": form, "ambassador": ambassador}
    return render(request, "outreach/helpers/assisted_start.html", context)


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@require_GET
@ambassador_only
def status(request: HttpRequest, public_id: uuid.UUID, *, ambassador: Ambassador) -> HttpResponse:
    helped = _helped_or_404(request, public_id)
    return render(request, "outreach/helpers/assisted_status.html", {"helped": helped})


@require_POST
@ambassador_only
def send_code(
    request: HttpRequest, public_id: uuid.UUID, *, ambassador: Ambassador
) -> HttpResponse:
    dossier = _helper_draft(request, public_id)
    CODE_SENDS.take(client_address(request))
    try:
        where = assisted.send_code(dossier, request.user, request.POST.get("channel", ""))
    except submission.IncompleteDossier:
        messages.error(request, _("Hồ sơ chưa đủ để nộp. Hãy bổ sung trước khi gửi mã."))
        return redirect("dossiers:review", dossier.public_id)
    except assisted.AssistRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã gửi mã xác nhận tới %(where)s.") % {"where": where})
    return redirect("helpers:assisted_code", dossier.public_id)


@require_http_methods(["GET", "POST"])
@ambassador_only
def enter_code(
    request: HttpRequest, public_id: uuid.UUID, *, ambassador: Ambassador
) -> HttpResponse:
    if not _helped_or_404(request, public_id).is_draft:  # e.g. a second click
        return redirect("helpers:assisted_status", public_id)
    dossier = _helper_draft(request, public_id)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = client_address(request)
        CODE_FAILURES.check(address)
        try:
            dossier = assisted.confirm_by_code(dossier, request.user, form.cleaned_data["code"])
        except assisted.AssistRefused as error:
            CODE_FAILURES.hit(address)
            form.add_error("code", str(error))
        except submission.IncompleteDossier:
            messages.error(request, _("Hồ sơ chưa đủ để nộp. Hãy bổ sung các mục còn thiếu."))
            return redirect("dossiers:review", dossier.public_id)
        else:
            messages.success(request, _submitted_message(dossier))
            return redirect("helpers:assisted_status", dossier.public_id)
    pending = assisted.pending_code(dossier, request.user)
    context = {"dossier": dossier, "form": form, "pending": pending}
    return render(request, "outreach/helpers/assisted_code.html", context)


def _submitted_message(dossier: Dossier) -> str:
    return _("Đã nộp hồ sơ. Mã hồ sơ là %(code)s.") % {"code": dossier.code}


@require_http_methods(["GET", "POST"])
@ambassador_only
def cancel(request: HttpRequest, public_id: uuid.UUID, *, ambassador: Ambassador) -> HttpResponse:
    """GET asks to confirm (no JavaScript confirm box), POST deletes."""
    dossier = _helper_draft(request, public_id)
    if request.method == "POST":
        _cancel(request, dossier)
        return redirect("helpers:assisted_list")
    return render(request, "outreach/helpers/assisted_cancel.html", {"dossier": dossier})


def _cancel(request: HttpRequest, dossier: Dossier) -> None:
    try:
        assisted.cancel(dossier, request.user)
    except PermissionDenied:
        raise Http404 from None
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã hủy bản nháp."))


# --- The applicant's confirmation -----------------------------------------------------


@login_required
@require_POST
def applicant_confirm(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The applicant's own draft, filled in by a helper: "Xác nhận và nộp"
    submits it, "Không nộp" deletes it."""
    own = dossier_access.applicant_dossiers(request.user).filter(helper__isnull=False)
    dossier = get_object_or_404(own, public_id=public_id)
    if not dossier.is_draft:  # e.g. a second click
        return redirect("dossiers:detail", dossier.public_id)
    if request.POST.get("action") == "decline":
        _cancel(request, dossier)
        return redirect("dossiers:mine")
    try:
        dossier = assisted.confirm_by_login(dossier, request.user)
    except submission.IncompleteDossier:
        messages.error(request, _("Hồ sơ chưa đủ để nộp. Vui lòng bổ sung các mục còn thiếu."))
        return redirect("dossiers:review", dossier.public_id)
    except (PermissionDenied, TransitionError):
        raise Http404 from None
    messages.success(request, _submitted_message(dossier))
    return redirect("dossiers:detail", dossier.public_id)
