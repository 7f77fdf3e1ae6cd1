"""Pupil ambassadors, for the school's coordinator and the education
office: the residential group a pupil serves, and the logins handed out on
paper. The passwords are on one printed page, answered straight to the
POST and never stored (`Cache-Control: no-store`): reloading it posts
again, which issues nothing new for pupils who have a login."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dichvucong.outreach import access, practice
from dichvucong.outreach.access import Scope
from dichvucong.outreach.forms import AmbassadorGroupForm
from dichvucong.outreach.models import SchoolClass
from dichvucong.outreach.roster import bulk
from dichvucong.outreach.views.common import outreach_staff
from dichvucong.public_url import public_url


@require_POST
@outreach_staff
def group_set(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    pupil = get_object_or_404(
        access.pupils_for(request.user).select_related("school_class__school"), pk=pk
    )
    form = AmbassadorGroupForm(request.POST, school=pupil.school_class.school)
    if not form.is_valid():
        messages.error(request, _("Chưa lưu: hãy chọn một tổ dân phố trong danh sách."))
        return redirect("outreach:pupil_detail", pk=pupil.pk)
    try:
        practice.set_ambassador_group(pupil, form.cleaned_data["group"], by=request.user)
    except ValidationError as error:
        messages.error(request, _("Chưa lưu: %(why)s") % {"why": error.messages[0]})
    else:
        messages.success(request, _("Đã lưu tổ dân phố học sinh hỗ trợ."))
    return redirect("outreach:pupil_detail", pk=pupil.pk)


@require_POST
@outreach_staff
def class_logins(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    """Logins for the class's pupils who may have one and have none yet."""
    school_class = get_object_or_404(
        access.writable_classes_for(request.user).select_related("school"), pk=pk
    )
    pupils = (
        access.pupils_for(request.user)
        .filter(school_class=school_class, erased_at__isnull=True)
        .select_related("school_class")
        .order_by("full_name", "pk")
    )
    done = practice.issue_pupil_logins(pupils, by=request.user)
    if not done.issued:
        messages.warning(request, _nothing_issued(done))
        return redirect("outreach:class_detail", pk=school_class.pk)
    return _slips(request, school_class, done)


@require_POST
@outreach_staff
def class_bulk(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    """The class page's "chọn nhiều": a residential group for the chosen
    pupils (or the whole class), or their first logins and slips."""
    school_class = get_object_or_404(
        access.writable_classes_for(request.user).select_related("school"), pk=pk
    )
    whole = request.POST.get("whole_class") == "yes"
    pupils = list(
        bulk.chosen_pupils(
            request.user, school_class, request.POST.getlist("pupil"), whole_class=whole
        )
    )
    if not pupils:
        messages.error(request, _("Chưa chọn học sinh nào: đánh dấu học sinh hoặc chọn “Cả lớp”."))
    elif request.POST.get("action") == "logins":
        done = bulk.issue_logins(pupils, by=request.user)
        if done.issued:
            return _slips(request, school_class, done)
        messages.warning(request, _nothing_issued(done))
    else:
        _bulk_group(request, school_class, pupils)
    return redirect("outreach:class_detail", pk=school_class.pk)


def _bulk_group(request: HttpRequest, school_class: SchoolClass, pupils: list) -> None:
    form = AmbassadorGroupForm(request.POST, school=school_class.school)
    if not form.is_valid():
        messages.error(request, _("Chưa lưu: hãy chọn một tổ dân phố trong danh sách."))
        return
    result = bulk.assign_group(pupils, form.cleaned_data["group"], by=request.user)
    if result.done:
        messages.success(
            request,
            _("Đã gán %(group)s cho %(n)s học sinh.")
            % {"group": form.cleaned_data["group"].name, "n": len(result.done)},
        )
    if result.refused:
        names = "; ".join(f"{pupil.full_name} ({why})" for pupil, why in result.refused)
        messages.warning(request, _("Chưa gán cho %(names)s.") % {"names": names})


def _nothing_issued(done: practice.IssuedLogins) -> str:
    return _(
        "Không cấp tài khoản mới nào: %(existing)s học sinh đã có tài khoản, "
        "%(refused)s học sinh chưa đủ điều kiện (xem cột Đại sứ số)."
    ) % {"existing": len(done.existing), "refused": len(done.refused)}


@require_POST
@outreach_staff
def pupil_login(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    """Issue the pupil's login, or set a new password on it (a lost slip)."""
    pupil = get_object_or_404(
        access.pupils_for(request.user)
        .filter(erased_at__isnull=True)
        .select_related("school_class__school"),
        pk=pk,
    )
    done = practice.issue_pupil_logins([pupil], by=request.user, reset=True)
    if not done.issued:
        messages.error(request, _("Chưa cấp: %(why)s") % {"why": done.refused[0][1]})
        return redirect("outreach:pupil_detail", pk=pupil.pk)
    return _slips(request, pupil.school_class, done)


def _slips(
    request: HttpRequest, school_class: SchoolClass, done: practice.IssuedLogins
) -> HttpResponse:
    """The printable page of the new logins, shown this once."""
    response = render(
        request,
        "outreach/login_slips.html",
        {
            "school_class": school_class,
            "school": school_class.school,
            "done": done,
            "address": public_url(reverse("helpers:home"), request),
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response
