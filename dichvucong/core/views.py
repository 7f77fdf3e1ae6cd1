from __future__ import annotations

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from dichvucong.accounts.constants import Role
from dichvucong.catalogue.services import featured_procedures, fields_in_use
from dichvucong.dossiers.access import agency_ids_for


def home(request: HttpRequest) -> HttpResponse:
    context = {"procedures": featured_procedures(), "fields": fields_in_use()}
    return render(request, "core/home.html", context)


OUTREACH_ROLES = (Role.EDUCATION_OFFICE, Role.SCHOOL_COORDINATOR, Role.DISTRICT_LEADERSHIP)


def after_login(request: HttpRequest) -> HttpResponse:
    """Where a login without ?next= lands: staff at their work, everyone
    else at their dossiers."""
    user = request.user
    if not user.is_authenticated:
        return redirect("core:home")
    if agency_ids_for(user):
        return redirect("backoffice:queues")
    if agency_ids_for(user, OUTREACH_ROLES):
        return redirect("outreach:campaign_list")
    return redirect("dossiers:mine")


def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
