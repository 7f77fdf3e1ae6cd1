"""Who may enter the back office at all. Which dossiers they see is decided
by `dossiers.access.staff_dossiers`; what they may do to one, by lifecycle."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dichvucong.accounts.roles import held_in, staff_held_in
from dichvucong.dossiers.access import BACK_OFFICE_ROLES
from dichvucong.dossiers.models import Dossier

View = Callable[..., HttpResponse]


def back_office_roles(user: Any) -> frozenset[str]:
    """The back-office roles the user holds anywhere; empty for non-staff."""
    return frozenset(held.role for held in staff_held_in(user, BACK_OFFICE_ROLES))


def roles_for_dossier(user: Any, dossier: Dossier) -> frozenset[str]:
    """The roles the user holds for this dossier's agency, by the same rule
    as `access.holds_role` (a People's Committee role covers its
    departments)."""
    here = {dossier.agency_id, dossier.agency.parent_id} - {None}
    return frozenset(
        held.role for held in held_in(user, BACK_OFFICE_ROLES) if held.agency_id in here
    )


def staff_required(view: View) -> View:
    """Anonymous users go to the login page; citizens and staff without a
    back-office role get a plain 403 page. The view receives the roles."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        roles = back_office_roles(request.user)
        if not roles:
            return render(request, "backoffice/forbidden.html", status=403)
        return view(request, *args, roles=roles, **kwargs)

    return wrapper
