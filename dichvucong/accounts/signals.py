"""Stamp the login time into the session: the 12-hour cap counts from it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from dichvucong.accounts.middleware import stamp_login


@receiver(user_logged_in, dispatch_uid="accounts.stamp_login")
def on_user_logged_in(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        stamp_login(request.session)
