"""Roster upload and the progress page of an import."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from dichvucong.outreach import access, roster
from dichvucong.outreach.access import Scope
from dichvucong.outreach.constants import RUNNING_IMPORT_STATUSES
from dichvucong.outreach.forms import RosterUploadForm, SchoolClassForm
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
    job = get_object_or_404(
        access.imports_for(request.user).select_related("school", "campaign"), pk=pk
    )
    running = job.status in RUNNING_IMPORT_STATUSES
    response = render(
        request,
        "outreach/roster_progress.html",
        {
            "job": job,
            "running": running,
            "refresh": REFRESH_SECONDS,
            "unchanged": max(job.total - job.created - job.updated, 0),
        },
    )
    if running:
        # The page is refreshed by the meta tag in it and, because that tag
        # cannot sit in the shared page head, by the same header.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@require_GET
@outreach_staff
def roster_sample(request: HttpRequest, *, scope: Scope) -> HttpResponse:
    """An empty CSV with the right headers (UTF-8 with BOM, so Excel shows
    the Vietnamese correctly)."""
    if not scope.may_edit:
        return forbidden(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="danh-sach-hoc-sinh-mau.csv"'
    response.write("\ufeff" + ",".join(roster.COLUMNS.values()) + "\r\n")
    return response
