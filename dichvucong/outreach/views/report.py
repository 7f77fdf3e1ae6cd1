"""Pages of the year-end report (/bao-cao-tuyen-truyen/) and of the
electronic residential areas. Each view loads, checks access, calls one
operation of report.py or areas.py, and renders; the rules live there.

A campaign outside the reader's scope is 404; an action the reader's role
may not take is 403."""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from dichvucong.documents import pdf as document_pdf
from dichvucong.documents import word as document_word
from dichvucong.lib import disclosure
from dichvucong.outreach import (
    access,
    areas,
    flags,
    report,
    report_documents,
    report_exports,
    report_wards,
)
from dichvucong.outreach.access import Scope
from dichvucong.outreach.constants import ReportState
from dichvucong.outreach.models import Campaign
from dichvucong.outreach.views.common import forbidden, outreach_staff
from dichvucong.reports import svg

TREND_COLOUR = "#0b4a8b"
APPROVE_UNCONFIRMED = gettext_lazy(
    "Chưa phê duyệt: hãy đánh dấu ô “Tôi đã xem số liệu và đồng ý phê duyệt” rồi bấm Phê duyệt."
)


class CriteriaForm(forms.Form):
    min_dossiers = forms.IntegerField(
        label=gettext_lazy("Số hồ sơ thành công tối thiểu"), min_value=1, max_value=100
    )
    min_households = forms.IntegerField(
        label=gettext_lazy("Số hộ được hỗ trợ tối thiểu"), min_value=0, max_value=100
    )
    require_trained = forms.BooleanField(
        label=gettext_lazy("Chỉ khen học sinh đã dự buổi tuyên truyền"), required=False
    )
    quota_per_school = forms.IntegerField(
        label=gettext_lazy("Tối đa số học sinh mỗi trường (để trống: không giới hạn)"),
        min_value=1,
        max_value=1000,
        required=False,
    )

    def criteria(self) -> report.Criteria:
        return report.Criteria(**self.cleaned_data)


class ApproveForm(forms.Form):
    """Approval is final: the reader ticks that they have read the figures
    (a step that needs no JavaScript)."""

    confirm = forms.BooleanField(
        label=gettext_lazy("Tôi đã xem số liệu và đồng ý phê duyệt"),
        error_messages={"required": APPROVE_UNCONFIRMED},
    )


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do trả lại"),
        help_text=gettext_lazy(
            "Phòng GD&ĐT đọc lý do này; báo cáo trở lại bản nháp để sửa và gửi lại."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _campaign(request: HttpRequest, pk: int) -> Campaign:
    return get_object_or_404(access.campaigns_for(request.user), pk=pk)


# --- Pages ------------------------------------------------------------------------------


@require_GET
@outreach_staff
def index(request: HttpRequest, *, scope: Scope) -> HttpResponse:
    campaigns = access.campaigns_for(request.user).select_related("year_end_report")
    return render(
        request,
        "outreach/report/index.html",
        {"campaigns": campaigns, "sees_areas": areas.wards_for(request.user).exists()},
    )


@require_GET
@outreach_staff
def detail(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    campaign = _campaign(request, pk)
    shown = report.present(campaign, scope, with_names=True)
    manages = report.may_manage(request.user, campaign)
    draft = shown.row.state == ReportState.DRAFT
    return render(
        request,
        "outreach/report/detail.html",
        {
            "campaign": campaign,
            "shown": shown,
            **_tables(shown),
            **_wards(request, shown),
            "listed": shown.listed(),
            "small_cells_note": disclosure.NOTE,
            "criteria_lines": report_exports.criteria_lines(shown),
            "state_line": report_exports.state_line(shown),
            "sent_back": report.sent_back_note(shown.row),
            "approval_holds": report.approval_holds(shown.row),
            "flags": _flags(campaign, shown) if draft else [],
            "criteria_form": CriteriaForm(initial=vars(shown.report.criteria))
            if manages and draft
            else None,
            "may_submit": manages and draft,
            "may_decide": report.may_approve(request.user, campaign)
            and shown.row.state == ReportState.SUBMITTED,
            "approve_form": ApproveForm(),
            "official_documents": report_documents.may_have(request.user, campaign),
            "send_back_form": SendBackForm(),
        },
    )


def _flags(campaign: Campaign, shown: report.Presentation) -> list[flags.Flag]:
    """Doubtful patterns in the schools shown, for those who send the
    report to see before they send it (DESIGN.md §6)."""
    return flags.campaign_flags(campaign, [school.school_id for school in shown.report.schools])


def _tables(shown: report.Presentation) -> dict[str, Any]:
    schools = shown.report.schools
    total = (report_exports.total_label(shown), shown.totals)
    rows = report_exports.table_rows((s.name, s.figures) for s in schools)
    return {
        "columns": [str(label) for _name, label in report_exports.COLUMNS],
        "school_rows": [
            dataclasses.replace(row, url=_dossiers_url(shown, school.school_id))
            for row, school in zip(rows, schools, strict=True)
        ],
        "total_row": dataclasses.replace(
            report_exports.table_rows([total])[0], url=_dossiers_url(shown)
        ),
        "class_tables": [
            (school, report_exports.table_rows((c.name, c.figures) for c in school.classes))
            for school in schools
        ],
    }


def _wards(request: HttpRequest, shown: report.Presentation) -> dict[str, Any]:
    """The dossiers by ward, of the time or of today (report_wards.py)."""
    table = report_wards.ward_table(shown, request.GET.get("cach_xem"), timezone.localdate())
    return {
        "ward_view": table.view,
        "ward_views": [(view, str(label)) for view, label in report_wards.VIEW_LABELS.items()],
        "ward_rows": table.rows,
        "ward_rows_merged": table.merged,
        "ward_total": table.total,
    }


def _dossiers_url(shown: report.Presentation, school_id: int | None = None) -> str:
    """The dossiers behind a row's figures (report_detail.py)."""
    pk = shown.report.campaign_id
    if school_id is None:
        return reverse("campaign_report:dossiers", args=[pk])
    return reverse("campaign_report:school_dossiers", args=[pk, school_id])


# --- Workflow -----------------------------------------------------------------------------


def _act(request: HttpRequest, campaign: Campaign, operation: Any, done: str) -> HttpResponse:
    try:
        operation()
    except report.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("campaign_report:detail", pk=campaign.pk)


@require_POST
@outreach_staff
def criteria(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    campaign = _campaign(request, pk)
    if not report.may_manage(request.user, campaign):
        return forbidden(request)
    form = CriteriaForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tiêu chí chưa hợp lệ: %(errors)s") % {"errors": _flat(form)})
        return redirect("campaign_report:detail", pk=campaign.pk)
    return _act(
        request,
        campaign,
        lambda: report.save_criteria(campaign, form.criteria()),
        _("Đã lưu tiêu chí khen thưởng."),
    )


def _flat(form: forms.Form) -> str:
    return " ".join(
        f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()
    )


@require_POST
@outreach_staff
def submit(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    campaign = _campaign(request, pk)
    if not report.may_manage(request.user, campaign):
        return forbidden(request)
    return _act(
        request,
        campaign,
        lambda: report.submit(campaign, request.user),
        _("Đã gửi báo cáo lên UBND quận; số liệu đã được chốt."),
    )


@require_POST
@outreach_staff
def approve(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    campaign = _campaign(request, pk)
    if not report.may_approve(request.user, campaign):
        return forbidden(request)
    if not ApproveForm(request.POST).is_valid():
        messages.error(request, APPROVE_UNCONFIRMED)
        return redirect("campaign_report:detail", pk=campaign.pk)
    return _act(
        request,
        campaign,
        lambda: report.approve(campaign, request.user),
        _("Đã phê duyệt báo cáo."),
    )


@require_POST
@outreach_staff
def send_back(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    campaign = _campaign(request, pk)
    if not report.may_approve(request.user, campaign):
        return forbidden(request)
    reason = request.POST.get("reason", "")
    return _act(
        request,
        campaign,
        lambda: report.send_back(campaign, request.user, reason),
        _("Đã trả lại báo cáo cho Phòng GD&ĐT."),
    )


# --- Files ---------------------------------------------------------------------------------


@require_GET
@outreach_staff
def export(request: HttpRequest, pk: int, fmt: str, *, scope: Scope) -> HttpResponse:
    campaign = _campaign(request, pk)
    shown = report.present(campaign, scope, with_names=True)
    # The wards' table in the view the page showed (its links carry cach_xem).
    wards = report_wards.ward_table(shown, request.GET.get("cach_xem"), timezone.localdate())
    if fmt == "xlsx":
        body, content_type = report_exports.xlsx_bytes(shown, wards), report_exports.XLSX_TYPE
    else:
        body, content_type = report_exports.pdf_bytes(shown, wards), report_exports.PDF_TYPE
    response = HttpResponse(body, content_type=content_type)
    name = report_exports.file_name(shown, fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Pupils' names: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


_OFFICIAL = {
    "report": (report_documents.report_document, "bao-cao"),
    "decision": (report_documents.decision_document, "du-thao-quyet-dinh-khen-thuong"),
}


@require_GET
@outreach_staff
def official(request: HttpRequest, pk: int, kind: str, fmt: str, *, scope: Scope) -> HttpResponse:
    """The report and the draft decision in Decree 30's layout, as PDF or
    DOCX: for the education office, and the district once it was sent."""
    campaign = _campaign(request, pk)
    if not report_documents.may_have(request.user, campaign):
        return forbidden(request)
    build, name = _OFFICIAL[kind]
    document = build(campaign)
    if fmt == "docx":
        body, content_type = document_word.render(document), document_word.DOCX_TYPE
    else:
        body, content_type = document_pdf.render(document), report_exports.PDF_TYPE
    response = HttpResponse(body, content_type=content_type)
    filename = report_documents.file_name(name, campaign, fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Pupils' names: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


# --- Electronic residential areas ------------------------------------------------------------


@require_GET
def residential_areas(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    wards = areas.wards_for(request.user)
    if not wards.exists():
        return render(request, "outreach/report/areas_forbidden.html", status=403)
    chosen = wards.filter(pk=_int(request.GET.get("phuong"))).first()
    found = areas.shown(wards, chosen)
    return render(
        request,
        "outreach/report/areas.html",
        {
            "areas": found,
            "wards": wards.order_by("name"),
            "chosen": chosen,
            "chart": _trend_chart(found),
            "note": disclosure.NOTE if found.suppressed else "",
            "sees_reports": access.scope_for(request.user).has_access,
        },
    )


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _trend_chart(found: areas.Shown) -> str:
    """The months shown (a month merged into a later one has no bar)."""
    months = [row for row in found.months if row.new is not None]
    if not months:
        return ""
    return svg.bar_chart(
        "xu-huong-ho",
        _("Số hộ mới sử dụng dịch vụ công trực tuyến theo tháng"),
        [row.month.strftime("%m/%Y") for row in months],
        [svg.Series(_("Hộ mới"), [row.new or 0 for row in months], TREND_COLOUR)],
    )
