"""Reconciling the bank's statement: the receptionists of an agency upload
it and see what each line did."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from dichvucong.payments import reconcile
from dichvucong.payments.forms import StatementForm
from dichvucong.payments.statement import StatementError


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def statement(request: HttpRequest) -> HttpResponse:
    """GET: the upload form and the expected format. POST: the import in
    one transaction, and its report on the same response (nothing of it
    goes into the URL)."""
    if not reconcile.can_reconcile(request.user):
        raise PermissionDenied
    posted = request.method == "POST"
    form = StatementForm(request.POST, request.FILES) if posted else StatementForm()
    if posted and form.is_valid():
        try:
            report = reconcile.import_statement(form.cleaned_data["statement"], request.user)
        except StatementError as error:
            form.add_error("statement", str(error))
        else:
            return render(request, "payments/statement_report.html", {"report": report})
    status = 400 if posted else 200
    return render(request, "payments/statement.html", {"form": form}, status=status)
