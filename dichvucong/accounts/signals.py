"""Stamp the login time into the session (the 12-hour cap counts from
it), and record throttling refusals in the audit trail (the throttle
package imports no app, so it announces them by a signal)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from dichvucong.accounts.middleware import stamp_login
from dichvucong.audit.constants import Action
from dichvucong.audit.service import record
from dichvucong.throttle import refused
from dichvucong.throttle.counters import Refusal


@receiver(user_logged_in, dispatch_uid="accounts.stamp_login")
def on_user_logged_in(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        stamp_login(request.session)


@receiver(refused, dispatch_uid="accounts.record_refusal")
def on_refused(sender: Any, request: HttpRequest, refusal: Refusal, **kwargs: Any) -> None:
    """One entry per lock (the first refusal of its window): the limit's
    name and how long it holds, never what was typed."""
    record(
        Action.ACCESS_DENIED,
        "quá số lần thử cho phép",
        request=request,
        detail={"limit": refusal.scope, "retry_after": refusal.retry_after},
    )
