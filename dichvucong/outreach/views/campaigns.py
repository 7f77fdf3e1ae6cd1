"""Campaigns: list, detail with figures per school, create and edit,
and the calendar of sessions."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dichvucong.outreach import access, summaries
from dichvucong.outreach.access import Scope
from dichvucong.outreach.forms import CampaignForm
from dichvucong.outreach.views.common import forbidden, outreach_staff


@require_GET
@outreach_staff
def campaign_list(request: HttpRequest, *, scope: Scope) -> HttpResponse:
    campaigns = access.campaigns_for(request.user).select_related("lead_agency")
    return render(request, "outreach/campaign_list.html", {"campaigns": campaigns, "scope": scope})


@require_GET
@outreach_staff
def campaign_detail(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    campaign = get_object_or_404(
        access.campaigns_for(request.user).select_related("lead_agency"), pk=pk
    )
    rows = summaries.school_rows(campaign, scope.readable_school_ids)
    return render(
        request,
        "outreach/campaign_detail.html",
        {
            "campaign": campaign,
            "rows": rows,
            "totals": summaries.totals(rows),
            "scope": scope,
            "materials": access.materials_for(request.user)
            .filter(campaign=campaign)
            .prefetch_related("versions"),
            "manages": access.managed_campaigns_for(request.user).filter(pk=pk).exists(),
        },
    )


@require_http_methods(["GET", "POST"])
@outreach_staff
def campaign_create(request: HttpRequest, *, scope: Scope) -> HttpResponse:
    if not scope.manages_campaigns:
        return forbidden(request)
    form = CampaignForm(request.POST or None, user=request.user)
    if form.is_valid():
        campaign = form.save()
        messages.success(request, _("Đã tạo chiến dịch."))
        return redirect("outreach:campaign_detail", pk=campaign.pk)
    return render(request, "outreach/campaign_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@outreach_staff
def campaign_edit(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    if not scope.manages_campaigns:
        return forbidden(request)
    campaign = get_object_or_404(access.managed_campaigns_for(request.user), pk=pk)
    form = CampaignForm(request.POST or None, instance=campaign, user=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu thay đổi."))
        return redirect("outreach:campaign_detail", pk=campaign.pk)
    return render(request, "outreach/campaign_form.html", {"form": form, "campaign": campaign})


@require_GET
@outreach_staff
def calendar(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    campaign = get_object_or_404(access.campaigns_for(request.user), pk=pk)
    sessions = summaries.with_attendance_counts(
        access.sessions_for(request.user).filter(campaign=campaign)
    )
    sessions = sessions.select_related("school").prefetch_related("classes")
    return render(
        request,
        "outreach/calendar.html",
        {
            "campaign": campaign,
            "days": summaries.sessions_by_day(sessions),
            "may_add": bool(scope.writable_school_ids),
        },
    )
