"""The outreach campaign's figures for the district's integrations and
dashboards, with an API key: the campaigns, their year-end reports and
the electronic residential areas. Counts only: the report is presented
without names (outreach.report.present_all, with_names=False) and its
commendation list only as a number, so no pupil's name, class list or
contact leaves through here. Per-class figures go in full to the lead
education office only; for anyone else, and for the residential areas,
no group of fewer than five people is shown (lib/disclosure.py). Who
reads what: access.key_campaigns and access.key_wards; a campaign out of
reach is a 404."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from ninja import Query, Router

from dichvucong.api import access, present
from dichvucong.api.auth import any_key_auth, key_of
from dichvucong.api.errors import not_found
from dichvucong.api.responses import answers
from dichvucong.api.schemas import Id, PageQuery
from dichvucong.api.schemas_reports import AreasOut, CampaignPageOut, CampaignReportOut
from dichvucong.lib import disclosure
from dichvucong.outreach import areas
from dichvucong.outreach.areas import GroupRow, WardRow
from dichvucong.outreach.models import Campaign
from dichvucong.outreach.report import Presentation, SchoolRow, present_all

router = Router(tags=["Tuyên truyền (khóa API)"], auth=any_key_auth)


def _campaign(campaign: Campaign) -> dict[str, Any]:
    return {
        "id": campaign.pk,
        "title": campaign.title,
        "start_date": campaign.start_date,
        "end_date": campaign.end_date,
        "school_year": campaign.school_year,
        "lead_agency": present.agency(campaign.lead_agency),
        "target_grade": campaign.target_grade,
        "target_pupils": campaign.target_pupils,
        "schools": campaign.school_count,  # type: ignore[attr-defined]  # annotated
        "success_rule": campaign.success_rule,
        "report_state": campaign.report_state,
    }


def _school(row: SchoolRow) -> dict[str, Any]:
    return {
        "id": row.school_id,
        "name": row.name,
        "figures": asdict(row.figures),
        "classes": [
            {"id": item.class_id, "name": item.name, "figures": asdict(item.figures)}
            for item in row.classes
        ],
    }


def _report(shown: Presentation) -> dict[str, Any]:
    report, row = shown.report, shown.row
    return {
        "campaign_id": report.campaign_id,
        "campaign_title": report.campaign_title,
        "school_year": report.school_year,
        "state": row.state,
        "state_label": str(row.get_state_display()),
        "frozen": shown.frozen,
        "generated_at": report.generated_at,
        "submitted_at": row.submitted_at,
        "approved_at": row.approved_at,
        "success_rule": report.success_rule,
        "success_rule_label": report.success_rule_label,
        "target_pupils": report.target_pupils,
        "target_share": report.target_share,
        "schools": [_school(school) for school in report.schools],
        "totals": asdict(shown.totals),
        "commended": len(report.commendations),
        "note": str(disclosure.NOTE) if shown.classes_merged else None,
    }


def _ward(row: WardRow) -> dict[str, Any]:
    if row.merged:  # its figures are in other_wards (lib/disclosure.py)
        return {"id": row.ward_id, "name": row.name, "merged": True, "groups": []}
    return {
        "id": row.ward_id,
        "name": row.name,
        "merged": False,
        "households": row.households,
        "ambassadors": row.ambassadors,
        "groups_online": row.groups_online,
        "groups": [_group(group) for group in row.groups],
    }


def _group(group: GroupRow) -> dict[str, Any]:
    return {
        "id": group.group_id,
        "name": group.name,
        "merged_groups": group.merged,
        "households": group.households,
        "ambassadors": group.ambassadors,
    }


@router.get(
    "/campaigns",
    response=answers(CampaignPageOut, 400, 401, 413, 422, 429),
    summary="Chiến dịch tuyên truyền do cơ quan chủ trì hoặc phê duyệt",
)
def list_campaigns(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    campaigns = (
        access.key_campaigns(key_of(request))
        .select_related("lead_agency", "year_end_report")
        .annotate(school_count=Count("schools", distinct=True))
        .order_by("-start_date", "title", "pk")
    )
    return present.page(campaigns, query, _campaign)


@router.get(
    "/campaigns/{campaign_id}/report",
    response=answers(CampaignReportOut, 400, 401, 404, 413, 422, 429),
    summary="Số liệu báo cáo cuối năm của chiến dịch, theo trường và lớp (không kèm tên)",
)
def campaign_report(request: HttpRequest, campaign_id: Id) -> dict[str, Any]:
    key = key_of(request)
    campaign = access.key_campaigns(key).filter(pk=campaign_id).first()
    if campaign is None:
        raise not_found()
    # Classes in full for the education office that leads it; for the
    # district, under the small-cells rule (lib/disclosure.py).
    full = campaign.lead_agency_id == key.agency_id
    return _report(present_all(campaign, with_names=False, full_classes=full))


@router.get(
    "/areas",
    response=answers(AreasOut, 400, 401, 413, 422, 429),
    summary="Khu dân cư điện tử: hộ trực tuyến và đại sứ số theo phường, tổ dân phố",
)
def residential_areas(request: HttpRequest) -> dict[str, Any]:
    found = areas.shown(access.key_wards(key_of(request)))
    return {
        "households": found.households,
        "ambassadors": found.ambassadors,
        "wards": [_ward(row) for row in found.wards],
        "other_wards": None if found.other_wards is None else _group(found.other_wards),
        "months": [
            {"month": row.month, "new": row.new, "cumulative": row.cumulative}
            for row in found.months
        ],
        "note": str(disclosure.NOTE) if found.suppressed else None,
    }
