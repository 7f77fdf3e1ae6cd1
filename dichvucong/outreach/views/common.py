"""The door of every outreach page: login, then an outreach role."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from dichvucong.outreach import access

View = Callable[..., HttpResponse]


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "outreach/forbidden.html", status=403)


def outreach_staff(view: View) -> View:
    """Anonymous users go to the login page; citizens and staff without an
    outreach role get 403. The view receives the user's scope; rows outside
    it are 404, as if they did not exist."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        scope = access.scope_for(request.user)
        if not scope.has_access:
            return forbidden(request)
        return view(request, *args, scope=scope, **kwargs)

    return wrapper


def private_download(field: Any, filename: str, content_type: str) -> FileResponse:
    """A stored file as an attachment no shared cache keeps."""
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def safe_next(request: HttpRequest) -> str:
    """The posted "next" page if it is on this site, else ""."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""
