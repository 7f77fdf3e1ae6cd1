"""AuditMiddleware: binds the request for records made below the view
(audit.context), and records from the answer what no view records itself:

- every refusal: a 401 or 403 on any page or API call (PermissionDenied,
  a forbidden page, a CSRF failure, a missing or bad API key), and a 404
  for someone logged in on an address naming an object (another ward's
  dossier, another school's pupil), which the site answers with 404 so as
  not to confirm that it exists;
- every state-changing request of a staff account that left no more
  precise entry of its own (the dossier event log and the admin's history
  write theirs), so no staff page is left out, including pages added later.

The recorded path has no query string; nothing of the request body is kept
but, in the admin, the ids of the objects an action was applied to.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse

from dichvucong.audit import admin_log, context, service
from dichvucong.audit.constants import Action

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
DENIALS = {
    401: "Chưa xác thực (401)",
    403: "Bị từ chối truy cập (403)",
    404: "Không tìm thấy hoặc không được xem (404)",
}
CSRF_DENIAL = "Bị từ chối: thiếu hoặc sai mã CSRF (403)"
# The attribute the CSRF failure view (audit.views) leaves on the request.
CSRF_REASON = "audit_csrf_reason"
_SLUG = re.compile(r"[a-z_]{1,40}")


def is_staff_account(user: Any) -> bool:
    return bool(user is not None and (getattr(user, "is_officer", False) or user.is_staff))


def is_form(request: HttpRequest) -> bool:
    return request.method == "POST" and request.content_type in FORM_TYPES


def names_an_object(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match is not None and match.captured_kwargs)


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with context.serving(request) as scope:
            response = self.get_response(request)
            try:
                self.after(request, response, scope.recorded)
            except DatabaseError:
                # The answer stands; the loss of its record is loud.
                logger.exception("audit: could not record %s %s", request.method, request.path)
        return response

    def after(self, request: HttpRequest, response: HttpResponse, recorded: int) -> None:
        status = response.status_code
        changes = request.method not in SAFE_METHODS and not recorded
        if status not in (401, 403, 404) and not changes:
            return  # an ordinary read: nothing to ask
        actor = service.account_of(request)
        hidden = status == 404 and actor is not None and names_an_object(request)
        if status in (401, 403) or hidden:
            record_denial(request, status, actor)
        elif changes and is_staff_account(actor):
            record_staff_request(request, status, actor)


def record_denial(request: HttpRequest, status: int, actor: Any) -> None:
    reason = getattr(request, CSRF_REASON, "")
    detail: dict[str, Any] = {"status": status, "method": request.method}
    if reason:
        detail["csrf"] = str(reason)[:120]
    what = CSRF_DENIAL if reason else DENIALS[status]
    service.record(Action.ACCESS_DENIED, what, request=request, actor=actor, detail=detail)


def record_staff_request(request: HttpRequest, status: int, actor: Any) -> None:
    """A staff form sent (a POST of theirs), by the name of the page it was
    sent to: the attempt, with how it was answered."""
    match = getattr(request, "resolver_match", None)
    view = match.view_name if match is not None else ""
    detail: dict[str, Any] = {"status": status, "method": request.method, "view": view}
    # The button pressed, where a form names it (answer/close, an admin action).
    button = request.POST.get("action", "") if is_form(request) else ""
    if _SLUG.fullmatch(button):
        detail["button"] = button
    detail.update(admin_log.selected_objects(request))
    ids = {k: str(v) for k, v in (match.captured_kwargs.items() if match else ())}
    service.record(
        Action.STAFF_ACTION,
        f"Gửi thao tác: {view or request.path}"[:200],
        request=request,
        actor=actor,
        target=" ".join(f"{name}={value}" for name, value in ids.items()),
        detail=detail,
    )
