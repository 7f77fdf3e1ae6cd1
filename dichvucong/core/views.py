from __future__ import annotations

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from dichvucong.catalogue.services import featured_procedures, fields_in_use


def home(request: HttpRequest) -> HttpResponse:
    context = {"procedures": featured_procedures(), "fields": fields_in_use()}
    return render(request, "core/home.html", context)


def after_login(request: HttpRequest) -> HttpResponse:
    """Where a login without ?next= lands: staff at their work, everyone
    else at their dossiers."""
    if getattr(request.user, "kind", "") == "staff":
        return redirect("backoffice:queues")
    if request.user.is_authenticated:
        return redirect("dossiers:mine")
    return redirect("core:home")


def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
