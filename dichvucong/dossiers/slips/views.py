"""The slips as PDF downloads, shown inline in the browser.

A dossier's slips go to the staff of its agency and to its applicant; to
anyone else the dossier does not exist (404), so a guessed address tells
nothing. The register goes to staff only, over their own agencies."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from uuid import UUID

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from dichvucong.catalogue.models import Agency
from dichvucong.dossiers import access
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.slips import service

MAX_PERIOD_DAYS = 366


class PeriodError(ValueError):
    """A register period the user must correct; the message is for them."""


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    # Slips carry personal data: never kept by a shared cache or the browser.
    response["Cache-Control"] = "private, no-store"
    return response


def _visible_dossier(user, public_id: UUID) -> Dossier:  # type: ignore[no-untyped-def]
    staff = access.readable_staff_dossiers(user).filter(public_id=public_id).first()
    if staff is not None:
        return staff
    return get_object_or_404(access.applicant_dossiers(user), public_id=public_id)


@require_GET
def dossier_slip(request: HttpRequest, public_id: UUID, number: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    dossier = _visible_dossier(request.user, public_id)
    data = service.render_slip(dossier, number)
    if data is None:
        raise Http404("Hồ sơ chưa có phiếu này.")
    return _pdf(data, f"phieu-{number}-{dossier.code}.pdf")


def _parse_day(value: str, name: str) -> date:
    try:
        return datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise PeriodError(
            f"{name} “{value}” không hợp lệ. Vui lòng nhập ngày theo dạng "
            f"dd/mm/yyyy, ví dụ 05/03/2026."
        ) from None


def parse_period(start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The register's period from ?tu=&den= (dd/mm/yyyy); each one missing
    defaults to the first or last day of the current month."""
    last = calendar.monthrange(today.year, today.month)[1]
    date_from = _parse_day(start, "Từ ngày") if start else today.replace(day=1)
    date_to = _parse_day(end, "Đến ngày") if end else today.replace(day=last)
    if date_from > date_to:
        raise PeriodError("“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
    if (date_to - date_from).days >= MAX_PERIOD_DAYS:
        raise PeriodError(f"Mỗi lần in sổ theo dõi tối đa {MAX_PERIOD_DAYS} ngày.")
    return date_from, date_to


@require_GET
def register_pdf(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    agency_ids = access.agency_ids_for(request.user)
    if not agency_ids:
        raise Http404
    try:
        period = parse_period(request.GET.get("tu"), request.GET.get("den"), timezone.localdate())
    except PeriodError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    dossiers = access.staff_dossiers(request.user).filter(received_at__date__range=period)
    # One agency names the register; staff of several get all their
    # agencies' dossiers under the first one's letterhead.
    agency = Agency.objects.filter(pk__in=agency_ids).order_by("name").first()
    data = service.register(dossiers, agency, *period)
    return _pdf(data, f"so-theo-doi-{period[0]:%Y%m%d}-{period[1]:%Y%m%d}.pdf")
