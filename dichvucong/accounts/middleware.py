"""Session limits: officers are logged out after a spell without requests,
and every session ends a fixed time after login; and staff sessions open
nothing before their second factor (TwoFactorMiddleware).

Both times live in the session itself (epoch seconds), so the limits hold
across any number of app servers sharing the session store.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.contrib.messages.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.two_factor import is_verified, requires_second_factor
from dichvucong.api.constants import API_PREFIX

LOGIN_AT = "accounts.login_at"
LAST_SEEN = "accounts.last_seen"
# Last activity is written at most once a minute: a page and its redirects
# would otherwise each save the session, for a 30-minute limit that does
# not need second precision.
ACTIVITY_RESOLUTION_SECONDS = 60


def stamp_login(session: Any, now: float | None = None) -> None:
    now = time.time() if now is None else now
    session[LOGIN_AT] = now
    session[LAST_SEEN] = now


def has_idle_limit(user: Any) -> bool:
    # Admin-site users count as officers too, whatever their account kind.
    return user.kind == AccountKind.STAFF or user.is_staff


def session_expired(session: Any, user: Any, now: float) -> bool:
    login_at = session.get(LOGIN_AT, now)
    if now - login_at >= settings.SESSION_MAX_SECONDS:
        return True
    last_seen = session.get(LAST_SEEN, now)
    return has_idle_limit(user) and now - last_seen >= settings.STAFF_IDLE_SECONDS


class SessionLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            if session_expired(request.session, user, now):
                if request.path.startswith(API_PREFIX):
                    # A script gets the API's own 401 in JSON, not a login page.
                    logout(request)
                    return self.get_response(request)
                return end_session(request)
            note_activity(request.session, now)
        return self.get_response(request)


def note_activity(session: Any, now: float) -> None:
    if LOGIN_AT not in session:
        # A session from before these limits existed: start counting now.
        session[LOGIN_AT] = now
    if now - session.get(LAST_SEEN, 0) >= ACTIVITY_RESOLUTION_SECONDS:
        session[LAST_SEEN] = now


def end_session(request: HttpRequest) -> HttpResponse:
    next_url = request.get_full_path() if request.method == "GET" else ""
    logout(request)
    response = redirect_to_login(next_url) if next_url else redirect(settings.LOGIN_URL)
    text = _("Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.")
    if hasattr(request, "_messages"):
        messages.warning(request, text)
        return response
    # MessageMiddleware sits below this one and never sees this response,
    # so the message is stored here by hand.
    storage = default_storage(request)
    storage.add(messages.WARNING, text)
    storage.update(response)
    return response


# Pages a session waiting for its second factor may open (accounts URL names).
BEFORE_SECOND_FACTOR = {"login", "logout", "two_factor", "two_factor_setup"}


class TwoFactorMiddleware:
    """Staff and admin-site accounts (two_factor.requires_second_factor)
    open nothing but the second-factor pages and log-out until their
    session is verified. For the API such a session is not logged in,
    so it answers its own 401."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if requires_second_factor(user) and not is_verified(user):
            if request.path.startswith(API_PREFIX):
                request.user = AnonymousUser()
            elif not _open_before_second_factor(request.path_info):
                return _to_second_factor(request)
        return self.get_response(request)


def _open_before_second_factor(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.namespace == "accounts" and match.url_name in BEFORE_SECOND_FACTOR


def _to_second_factor(request: HttpRequest) -> HttpResponse:
    target = reverse("accounts:two_factor")
    if request.method == "GET":
        target = f"{target}?{urlencode({'next': request.get_full_path()})}"
    return redirect(target)
