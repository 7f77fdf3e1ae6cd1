"""Roster upload, the preview and progress page of an import, its
confirmation, and the sample file."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dichvucong.outreach import access, roster
from dichvucong.outreach.access import Scope
from dichvucong.outreach.constants import RUNNING_IMPORT_STATUSES, ImportStatus
from dichvucong.outreach.forms import RosterUploadForm, SchoolClassForm
from dichvucong.outreach.models import RosterImport
from dichvucong.outreach.roster import sample
from dichvucong.outreach.views.common import forbidden, outreach_staff

REFRESH_SECONDS = 2


@require_http_methods(["GET", "POST"])
@outreach_staff
def roster_upload(request: HttpRequest, *, scope: Scope) -> HttpResponse:
    if not scope.may_edit:
        return forbidden(request)
    form = RosterUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        job = roster.start_import(
            data["file"],
            by=request.user,
            school=data["school"],
            campaign=data["campaign"],
            school_year=data["school_year"],
        )
        return redirect("outreach:roster_progress", pk=job.pk)
    recent = access.imports_for(request.user).select_related("school", "campaign")[:10]
    return render(
        request,
        "outreach/roster_upload.html",
        {
            "form": form,
            "recent": recent,
            "columns": roster.COLUMNS.values(),
            "class_form": SchoolClassForm(user=request.user, auto_id="class_%s"),
        },
    )


@require_GET
@outreach_staff
def roster_progress(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    job = _job(request, pk)
    running = job.status in RUNNING_IMPORT_STATUSES
    response = render(
        request,
        "outreach/roster_progress.html",
        {
            "job": job,
            "running": running,
            "refresh": REFRESH_SECONDS,
            "unchanged": max(job.valid - job.created - job.updated, 0),
            "ready": job.status == ImportStatus.READY,
            "may_confirm": scope.may_edit,
        },
    )
    if running:
        # The page is refreshed by the meta tag in it and, because that tag
        # cannot sit in the shared page head, by the same header.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


def _job(request: HttpRequest, pk: int) -> RosterImport:
    return get_object_or_404(
        access.imports_for(request.user).select_related("school", "campaign"), pk=pk
    )


@require_POST
@outreach_staff
def roster_confirm(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    """Save the good lines of a previewed file. A second click finds the
    job no longer waiting and saves nothing more."""
    job = _job(request, pk)
    if not scope.may_edit:
        return forbidden(request)
    if not roster.confirm_import(job):
        messages.info(request, _("Danh sách này đã được xác nhận, không nhập thêm lần nữa."))
    return redirect("outreach:roster_progress", pk=job.pk)


@require_POST
@outreach_staff
def roster_cancel(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    job = _job(request, pk)
    if not scope.may_edit:
        return forbidden(request)
    if roster.cancel_import(job):
        messages.success(request, _("Đã hủy: không học sinh nào được nhập, tệp đã được xóa."))
    return redirect("outreach:roster_upload")


@require_GET
@outreach_staff
def roster_sample(request: HttpRequest, kind: str, *, scope: Scope) -> HttpResponse:
    """A sample with the columns and a few made-up pupils of the user's
    school: CSV in UTF-8 with a BOM, or XLSX."""
    if not scope.may_edit:
        return forbidden(request)
    if kind == "xlsx":
        content = sample.sample_xlsx(request.user)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content, content_type = sample.sample_csv(request.user), "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="danh-sach-hoc-sinh-mau.{kind}"'
    return response
