"""The administrator's incident pages under /quan-tri/su-co/. Each view
checks the role, loads, calls one operation (services.py), renders."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dichvucong.accounts.constants import Role
from dichvucong.breaches import pdf, services
from dichvucong.breaches.access import incident_admin_required
from dichvucong.breaches.affected import ACCOUNT, PUPIL, affected
from dichvucong.breaches.forms import ConfirmForm, IncidentForm, NotifiedForm
from dichvucong.breaches.models import Incident


@incident_admin_required
def incident_list(request: HttpRequest) -> HttpResponse:
    incidents = Incident.objects.order_by("-found_at", "-pk")[:100]
    return render(request, "breaches/list.html", {"incidents": incidents, "now": timezone.now()})


def _initial(request: HttpRequest) -> dict[str, str]:
    role = request.user.staff_roles.filter(role=Role.ADMINISTRATOR).select_related("agency").first()
    user = request.user
    return {
        "office_name": role.agency.name if role else "",
        "contact_name": user.get_full_name(),
        "contact_email": user.email,
    }


@incident_admin_required
def incident_create(request: HttpRequest) -> HttpResponse:
    form = IncidentForm(request.POST or None, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        incident = services.record_incident(request.user, form.save(commit=False))
        messages.success(request, _("Đã ghi nhận sự cố."))
        return redirect("breaches:detail", pk=incident.pk)
    return render(request, "breaches/form.html", {"form": form, "incident": None})


@incident_admin_required
def incident_edit(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident, pk=pk)
    form = IncidentForm(request.POST or None, instance=incident)
    if request.method == "POST" and form.is_valid():
        services.update_incident(request.user, form.save(commit=False))
        messages.success(request, _("Đã lưu thông tin sự cố."))
        return redirect("breaches:detail", pk=incident.pk)
    return render(request, "breaches/form.html", {"form": form, "incident": incident})


@incident_admin_required
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident.objects.select_related("recorded_by"), pk=pk)
    found = affected(incident)
    context = {
        **services.notice_context(incident, found),
        "accounts": found.count(ACCOUNT),
        "pupils": found.count(PUPIL),
        "late": incident.is_late(),
        "events": incident.events.select_related("actor"),
        "notified_form": NotifiedForm(initial={"at": timezone.localtime().replace(second=0)}),
        "confirm_form": ConfirmForm(),
        "sample_notice": services.subject_notice(incident, tuple(found.kinds())),
    }
    return render(request, "breaches/detail.html", context)


@incident_admin_required
def affected_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The names and contacts: a file, never a page, never in the address."""
    incident = get_object_or_404(Incident, pk=pk)
    response = HttpResponse(
        services.affected_csv(request.user, incident), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="su-co-{incident.pk}-danh-sach.csv"'
    return response


@incident_admin_required
def authority_notice(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident, pk=pk)
    context = services.notice_context(incident, affected(incident))
    context["late"] = incident.is_late()
    return render(request, "breaches/authority_notice.html", context)


@incident_admin_required
def authority_notice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident, pk=pk)
    body = pdf.authority_notice(request.user, incident)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="su-co-{incident.pk}-thong-bao.pdf"'
    return response


@incident_admin_required
@require_POST
def mark_notified(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident, pk=pk)
    form = NotifiedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vui lòng nhập thời điểm đã gửi thông báo (dd/mm/yyyy hh:mm)."))
        return redirect("breaches:detail", pk=pk)
    try:
        services.mark_authority_notified(
            request.user, incident, form.cleaned_data["at"], form.cleaned_data["late_reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã ghi nhận thời điểm thông báo cơ quan chuyên trách."))
    return redirect("breaches:detail", pk=pk)


@incident_admin_required
@require_POST
def send_notices(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident, pk=pk)
    if not ConfirmForm(request.POST).is_valid():
        messages.error(request, _("Hãy đánh dấu ô xác nhận trước khi gửi thông báo."))
        return redirect("breaches:detail", pk=pk)
    counts = services.send_notices(request.user, incident)
    messages.success(
        request,
        _(
            "Đã gửi %(written)d thông báo mới; %(already)d đã gửi trước đó; "
            "%(unreachable)d người không có cách liên hệ."
        )
        % counts,
    )
    return redirect("breaches:detail", pk=pk)


@incident_admin_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident, pk=pk)
    services.close_incident(request.user, incident)
    messages.success(request, _("Đã kết thúc xử lý sự cố."))
    return redirect("breaches:detail", pk=pk)
