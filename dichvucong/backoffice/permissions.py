"""Who may enter the back office at all. Which dossiers they see is decided
by `dossiers.access.staff_dossiers`; what they may do to one, by lifecycle."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dichvucong.accounts.constants import AccountKind
from dichvucong.dossiers.access import BACK_OFFICE_ROLES
from dichvucong.dossiers.models import Dossier

View = Callable[..., HttpResponse]
CACHE_ATTRIBUTE = "_back_office_roles"


def back_office_roles(user: Any) -> frozenset[str]:
    """The back-office roles the user holds anywhere; empty for non-staff.
    Kept on the user object: a page asks twice (the door, the menu)."""
    if not user.is_authenticated or user.kind != AccountKind.STAFF:
        return frozenset()
    cached = getattr(user, CACHE_ATTRIBUTE, None)
    if cached is None:
        held = user.staff_roles.filter(role__in=BACK_OFFICE_ROLES).values_list("role", flat=True)
        cached = frozenset(held)
        setattr(user, CACHE_ATTRIBUTE, cached)
    return cached


def roles_for_dossier(user: Any, dossier: Dossier) -> frozenset[str]:
    """The roles the user holds for this dossier's agency, by the same rule
    as `access.holds_role` (a People's Committee role covers its
    departments), in one query instead of one per role."""
    here = Q(agency_id=dossier.agency_id)
    if dossier.agency.parent_id is not None:
        here |= Q(agency_id=dossier.agency.parent_id)
    return frozenset(
        user.staff_roles.filter(here, role__in=BACK_OFFICE_ROLES).values_list("role", flat=True)
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
