"""Who may work on incidents: staff holding the administrator's role
(Quản trị) in some agency. An incident page shows what a breach touched
across every unit, so no other role opens it, not even leaders."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.roles import held_in

View = Callable[..., HttpResponse]


def may_handle_incidents(user: Any) -> bool:
    if not user.is_authenticated or user.kind != AccountKind.STAFF or not user.is_active:
        return False
    return bool(held_in(user, (Role.ADMINISTRATOR,)))


def incident_admin_required(view: View) -> View:
    """Anonymous users go to log in; anyone else without the role gets 403."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_handle_incidents(request.user):
            return render(request, "breaches/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
