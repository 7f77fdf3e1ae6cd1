from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from dichvucong.catalogue.services import featured_procedures, fields_in_use
from dichvucong.core.navigation import Navigation


def home(request: HttpRequest) -> HttpResponse:
    context = {"procedures": featured_procedures(), "fields": fields_in_use()}
    return render(request, "core/home.html", context)


def after_login(request: HttpRequest) -> HttpResponse:
    """Where a login without ?next= lands: the user's start page
    (core.navigation): staff at their work, an ambassador without dossiers
    of their own at the ambassador pages, other applicants at their
    dossiers."""
    return redirect(Navigation(request).start.url)


def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


FAVICON = settings.BASE_DIR / "dichvucong" / "static" / "favicon.ico"


def favicon(request: HttpRequest) -> FileResponse:
    """/favicon.ico, where browsers look for it whatever the page says."""
    response = FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
