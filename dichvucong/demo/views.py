"""The demo page (/demo/): who to log in as and what to try, the demo
staff's current second-factor codes and the latest one-time codes sent by
SMS. Demo mode only (DEMO_MODE, refused in production by check E007);
otherwise it does not exist (404)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from dichvucong.demo.guide import demo_logins
from dichvucong.notifications.demo_inbox import latest_codes


@require_GET
def demo_page(request: HttpRequest) -> HttpResponse:
    if not settings.DEMO_MODE:
        raise Http404
    context = {"logins": demo_logins(), "codes": latest_codes()}
    response = render(request, "demo/page.html", context)
    response["Cache-Control"] = "private, no-store"  # codes change every 30 seconds
    return response
