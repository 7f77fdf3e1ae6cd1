"""The demo page (/demo/): who to log in as and what to try, the demo
staff's current second-factor codes and the latest one-time codes sent by
SMS. Demo mode only (DEMO_MODE, refused in production by check E007);
otherwise it does not exist (404)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from dichvucong.accounts.vneid import client, standin
from dichvucong.demo.guide import demo_logins
from dichvucong.notifications.demo_inbox import latest_codes


@require_GET
def demo_page(request: HttpRequest) -> HttpResponse:
    if not settings.DEMO_MODE:
        raise Http404
    chosen = client.provider(request)
    context = {
        "logins": demo_logins(),
        "codes": latest_codes(),
        "vneid_standin": chosen is not None and chosen.demo,
    }
    response = render(request, "demo/page.html", context)
    response["Cache-Control"] = "private, no-store"  # codes change every 30 seconds
    return response


@csrf_exempt  # the provider's own forms and the back-channel token request
def vneid_standin(request: HttpRequest, endpoint: str) -> HttpResponse:
    """The stand-in national e-ID provider (accounts/vneid/standin.py),
    served here only in demo mode while no real provider is configured."""
    chosen = client.provider(request)
    if chosen is None or not chosen.demo:
        raise Http404
    provider = standin.demo_provider(
        chosen.issuer, client.redirect_uri(request), chosen.client_secret
    )
    answer = provider.handle(
        request.method or "GET",
        endpoint,
        request.GET.dict(),
        request.POST.dict(),
        {"Authorization": request.headers.get("Authorization", "")},
    )
    response = HttpResponse(answer.body, status=answer.status, content_type=answer.content_type)
    if answer.location:
        response["Location"] = answer.location
    for name, value in answer.headers.items():
        response[name] = value
    return response
