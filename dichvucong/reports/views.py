"""The public statistics page, the staff dashboard, their downloads, and
the open data files. Each view picks the scope, reads the filters, and
hands over to reports.report."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dichvucong.dbrouting import replica_reads
from dichvucong.reports import access, opendata, report
from dichvucong.reports.access import Scope
from dichvucong.reports.exports import FORMATS, export_response
from dichvucong.reports.forms import Filters, ReportFilterForm, read_filters


@require_GET
@replica_reads()
def public(request: HttpRequest) -> HttpResponse:
    return _report(request, access.public_scope(), "reports/public.html", staff=False)


@require_GET
@replica_reads()
def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    scope = access.dashboard_scope(request.user)
    if scope is None:
        return render(request, "reports/forbidden.html", status=403)
    return _report(request, scope, "reports/dashboard.html", staff=True)


def _report(request: HttpRequest, scope: Scope, template: str, *, staff: bool) -> HttpResponse:
    today = timezone.localdate()
    form = ReportFilterForm(request.GET, agencies=scope.agencies(), today=today)
    filters = read_filters(form)
    fmt = request.GET.get("format")
    if fmt:
        download = _download(request, scope, filters, today, staff=staff)
        if download is not None:
            return download
    context = report.page(scope, filters, today, staff=staff)
    return render(request, template, {**context, "form": form})


def _download(
    request: HttpRequest, scope: Scope, filters: Filters, today: date, *, staff: bool
) -> HttpResponse | None:
    """The file asked for, or None with the reason added to the page's messages."""
    fmt, slug = request.GET.get("format", ""), request.GET.get("bang", "")
    if fmt not in FORMATS:
        filters.problems.append(_("Chỉ tải về được tệp XLSX hoặc CSV."))
        return None
    table = report.export_table(slug, scope, filters, today, staff=staff)
    if table is None:
        filters.problems.append(_("Không có bảng số liệu “%(slug)s” để tải về.") % {"slug": slug})
        return None
    label = " – ".join(part for part in (str(scope.label), filters.describe()) if part)
    return export_response(table, fmt, filters.period, label)


@require_GET
@replica_reads()
def open_data(request: HttpRequest, fmt: str) -> HttpResponse:
    scope = access.public_scope()
    today = timezone.localdate()
    filters = read_filters(ReportFilterForm(request.GET, agencies=scope.agencies(), today=today))
    records = report.open_data_rows(scope, filters, today)
    if fmt == "json":
        body = opendata.document(records, filters.period, today, filters.problems, filters.view)
        return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response = HttpResponse(opendata.csv_bytes(records), content_type=FORMATS["csv"])
    filename = f"thong-ke_{filters.period.slug}_{filters.view}.csv"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # Which view the file is, for a reader of the headers as of the column.
    response["X-Cach-Xem"] = filters.view
    return response
