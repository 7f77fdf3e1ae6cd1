"""Training sessions: create, see, edit, take attendance."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dichvucong.outreach import access, services, summaries
from dichvucong.outreach.access import Scope
from dichvucong.outreach.forms import SessionForm
from dichvucong.outreach.models import Attendance
from dichvucong.outreach.views.common import forbidden, outreach_staff


@require_http_methods(["GET", "POST"])
@outreach_staff
def session_create(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    if not scope.may_edit:
        return forbidden(request)
    campaign = get_object_or_404(access.campaigns_for(request.user), pk=pk)
    form = SessionForm(request.POST or None, user=request.user, campaign=campaign)
    if form.is_valid():
        session = form.save()
        messages.success(request, _("Đã thêm buổi tuyên truyền."))
        return redirect("outreach:session_detail", pk=session.pk)
    return render(request, "outreach/session_form.html", {"form": form, "campaign": campaign})


@require_http_methods(["GET", "POST"])
@outreach_staff
def session_edit(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    if not scope.may_edit:
        return forbidden(request)
    session = get_object_or_404(
        access.writable_sessions_for(request.user).select_related("campaign"), pk=pk
    )
    form = SessionForm(
        request.POST or None,
        user=request.user,
        campaign=session.campaign,
        initial=SessionForm.initial_for(session),
    )
    if form.is_valid():
        form.save(session)
        messages.success(request, _("Đã lưu thay đổi."))
        return redirect("outreach:session_detail", pk=session.pk)
    return render(
        request,
        "outreach/session_form.html",
        {"form": form, "campaign": session.campaign, "session": session},
    )


@require_GET
@outreach_staff
def session_detail(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    sessions = summaries.with_attendance_counts(access.sessions_for(request.user))
    session = get_object_or_404(sessions.select_related("campaign", "school"), pk=pk)
    return render(
        request,
        "outreach/session_detail.html",
        {
            "session": session,
            "classes": session.classes.all(),
            "materials": session.materials.select_related("material"),
            "may_edit": session.school_id in scope.writable_school_ids,
        },
    )


@require_http_methods(["GET", "POST"])
@outreach_staff
def attendance(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    """The class list with a checkbox per pupil. "Chọn tất cả" is a submit
    button that shows the list again all ticked, so it works without
    JavaScript; "Lưu điểm danh" saves."""
    session = get_object_or_404(
        access.writable_sessions_for(request.user).select_related("school", "campaign"), pk=pk
    )
    pupils = list(services.session_pupils(session))
    if request.method == "POST" and "save" in request.POST:
        present, total = services.save_attendance(session, _ids(request.POST.getlist("present")))
        messages.success(
            request,
            _("Đã lưu điểm danh: %(present)s/%(total)s học sinh có mặt.")
            % {"present": present, "total": total},
        )
        return redirect("outreach:session_detail", pk=session.pk)
    if request.method == "POST":
        ticked = {p.pk for p in pupils} if "select_all" in request.POST else set()
    else:
        ticked = set(
            Attendance.objects.filter(session=session, present=True).values_list(
                "pupil_id", flat=True
            )
        )
    return render(
        request,
        "outreach/attendance.html",
        {"session": session, "pupils": pupils, "ticked": ticked},
    )


def _ids(values: list[str]) -> set[int]:
    return {int(value) for value in values if value.isdigit()}
