"""Log in with the national e-ID: the button's redirect, the provider's
return, and the code that links an existing account (service.py says
which account a log-in opens). Nothing personal goes into a URL: the
person waiting to link is kept in the session."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dichvucong.accounts import recovery
from dichvucong.accounts.forms import PhoneCodeForm
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.accounts.vneid import client, service
from dichvucong.notifications.masking import mask_phone
from dichvucong.throttle import Refused, client_address, rules

# The e-ID waiting for the account's phone to confirm the link.
PENDING_SESSION_KEY = "accounts.vneid_pending"
FAILED = gettext_lazy("Đăng nhập bằng VNeID không thành công. Vui lòng thử lại.")


def _chosen(request: HttpRequest) -> client.Provider:
    chosen = client.provider(request)
    if chosen is None:
        raise Http404
    return chosen


def _back_to_login(request: HttpRequest, message: str) -> HttpResponse:
    messages.error(request, message)
    return redirect("accounts:login")


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    try:
        return client.start(request, _chosen(request))
    except client.LoginFailed:
        return _back_to_login(request, _("Chưa kết nối được VNeID. Vui lòng thử lại sau."))


@require_GET
def callback(request: HttpRequest) -> HttpResponse:
    chosen = _chosen(request)
    try:
        identity = service.identity_from_claims(client.finish(request, chosen))
        outcome = service.sign_in(identity)
        if outcome.user is not None:
            return _log_in(request, outcome.user, _("Đã đăng nhập bằng VNeID."))
        assert outcome.to_confirm is not None
        return _ask_for_code(request, outcome.to_confirm, identity)
    except client.LoginFailed:
        return _back_to_login(request, str(FAILED))
    except service.EidRefused as refused:
        return _back_to_login(request, refused.message)


def _log_in(request: HttpRequest, user: User, message: str) -> HttpResponse:
    request.session.pop(PENDING_SESSION_KEY, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, message)
    return redirect(settings.LOGIN_REDIRECT_URL)


def _ask_for_code(request: HttpRequest, user: User, identity: service.Identity) -> HttpResponse:
    try:
        rules.CODE_SENDS.take(client_address(request))
    except Refused:
        return _back_to_login(request, _("Đã yêu cầu quá nhiều mã từ máy này trong một giờ."))
    token = service.send_link_code(user)
    request.session[PENDING_SESSION_KEY] = {
        "token": token,
        "user": user.pk,
        "identity": identity.as_session(),
    }
    return redirect("accounts:vneid_link")


@require_http_methods(["GET", "POST"])
def link(request: HttpRequest) -> HttpResponse:
    """The code sent to the phone of the account with the same ID number."""
    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending:
        return redirect("accounts:login")
    form = PhoneCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        address = client_address(request)
        rules.CODE_FAILURES.check(address)
        identity = service.Identity.from_session(pending["identity"])
        try:
            user = service.confirm_link(pending["token"], form.cleaned_data["code"], identity)
        except recovery.RecoveryRefused as refused:
            rules.CODE_FAILURES.hit(address)
            form.add_error("code", refused.message)
        except service.EidRefused as refused:
            request.session.pop(PENDING_SESSION_KEY, None)
            return _back_to_login(request, refused.message)
        else:
            return _log_in(request, user, _("Đã liên kết tài khoản với VNeID và đăng nhập."))
    phone = CitizenProfile.objects.filter(user_id=pending["user"]).values_list("phone", flat=True)
    context: dict[str, Any] = {
        "form": form,
        "phone": mask_phone(phone.first() or ""),
        "minutes": int(recovery.CODE_LIFETIME.total_seconds() // 60),
        "per_hour": service.CODES_PER_ACCOUNT_PER_HOUR,
    }
    response = render(request, "accounts/vneid_link.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def link_resend(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING_SESSION_KEY)
    user = User.objects.filter(pk=pending["user"]).first() if pending else None
    if user is None:
        return redirect("accounts:login")
    try:
        rules.CODE_SENDS.take(client_address(request))
        pending["token"] = service.send_link_code(user)
    except Refused:
        messages.error(request, _("Đã yêu cầu quá nhiều mã từ máy này trong một giờ."))
    except service.EidRefused as refused:
        messages.error(request, refused.message)
    else:
        request.session[PENDING_SESSION_KEY] = pending
        messages.info(request, _("Đã gửi mã mới. Mã cũ không dùng được nữa."))
    return redirect("accounts:vneid_link")
