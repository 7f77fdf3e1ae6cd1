"""The drill-down of the year-end report: the dossiers behind a school's
figures, or behind all the reader's schools (report_detail.py holds the
rules). The same access as the report page: a campaign outside the
reader's scope, or a school that is not theirs or not in the report, is
404. URLs carry ids only."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from dichvucong.outreach import access, report_detail
from dichvucong.outreach.access import Scope
from dichvucong.outreach.views.common import outreach_staff

# Query parameters of the two lists' pages.
COUNTED_PAGE, PENDING_PAGE = "trang", "trang-cho"


@require_GET
@outreach_staff
def dossiers(
    request: HttpRequest, pk: int, school_id: int | None = None, *, scope: Scope
) -> HttpResponse:
    campaign = get_object_or_404(access.campaigns_for(request.user), pk=pk)
    pages = {
        report_detail.COUNTED: request.GET.get(COUNTED_PAGE),
        report_detail.PENDING: request.GET.get(PENDING_PAGE),
    }
    detail = report_detail.behind(campaign, scope, school_id, pages)
    if detail is None:
        raise Http404
    response = render(request, "outreach/report/dossiers.html", {"detail": detail})
    # Pupils' names for roster keepers: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response
