"""Account pages: registration, logout, "my account" and password
recovery by SMS code (recovery.py). Login and the e-mail password reset
are Django's views, configured in urls.py."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dichvucong.accounts import recovery, services
from dichvucong.accounts.forms import (
    CitizenRegistrationForm,
    OrganisationRegistrationForm,
    RecoveryCodeForm,
    RecoveryRequestForm,
)
from dichvucong.core.throttle import Throttle

# Against SMS cost and probing: codes asked for (and resent) per client.
RECOVERY_SENDS = Throttle("password-recovery-sends", limit=20, window_seconds=60 * 60)
# The pending recovery: an opaque token, kept here and never in a URL.
RECOVERY_SESSION_KEY = "accounts.recovery"


def register_citizen(request: HttpRequest) -> HttpResponse:
    form = CitizenRegistrationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            user = services.register_citizen(form.registration())
        except services.RegistrationRefused as refused:
            form.add_field_errors(refused.errors)
        else:
            return _welcome(request, user)
    return render(request, "accounts/register_citizen.html", {"form": form})


def register_organisation(request: HttpRequest) -> HttpResponse:
    form = OrganisationRegistrationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            user = services.register_organisation(form.registration())
        except services.RegistrationRefused as refused:
            form.add_field_errors(refused.errors)
        else:
            return _welcome(request, user)
    return render(request, "accounts/register_organisation.html", {"form": form})


def _welcome(request: HttpRequest, user: services.User) -> HttpResponse:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Đăng ký thành công. Bạn đã được đăng nhập."))
    return redirect("accounts:profile")


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("Bạn đã đăng xuất."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "citizen": services.citizen_profile(user),  # type: ignore[arg-type]
        "organisation": services.organisation_profile(user),  # type: ignore[arg-type]
    }
    return render(request, "accounts/profile.html", context)


# --- Password recovery by SMS code -----------------------------------------------


def _too_many_sends() -> str:
    return _("Đã yêu cầu quá nhiều mã từ máy này trong một giờ. Vui lòng thử lại sau.")


def password_recovery(request: HttpRequest) -> HttpResponse:
    """ID number and phone in; the same answer page whatever they match."""
    form = RecoveryRequestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if RECOVERY_SENDS.exceeded(request):
            form.add_error(None, _too_many_sends())
            return render(request, "accounts/recovery_start.html", {"form": form}, status=429)
        RECOVERY_SENDS.hit(request)
        data = form.cleaned_data
        request.session[RECOVERY_SESSION_KEY] = recovery.start(data["login_number"], data["phone"])
        return redirect("accounts:password_recovery_code")
    return render(request, "accounts/recovery_start.html", {"form": form})


def password_recovery_code(request: HttpRequest) -> HttpResponse:
    token = request.session.get(RECOVERY_SESSION_KEY)
    if not token:
        return redirect("accounts:password_recovery")
    form = RecoveryCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            user = recovery.reset_password(token, data["code"], data["password2"])
        except recovery.RecoveryRefused as refused:
            form.add_error("code", refused.message)
        except ValidationError as invalid:
            form.add_error("password2", invalid)
        else:
            return _recovered(request, user)
    context = {
        "form": form,
        "minutes": int(recovery.CODE_LIFETIME.total_seconds() // 60),
        "per_hour": recovery.CODES_PER_ACCOUNT_PER_HOUR,
    }
    return render(request, "accounts/recovery_code.html", context)


def _recovered(request: HttpRequest, user: services.User) -> HttpResponse:
    """To the login page, to log in with the new password once (which
    also lets the phone's browser offer to keep it). This session moves to
    a new key; the account's other sessions no longer match its password."""
    del request.session[RECOVERY_SESSION_KEY]
    if request.user.pk == user.pk:  # was still logged in: stays so
        update_session_auth_hash(request, user)
        messages.success(request, _("Đã đặt mật khẩu mới."))
        return redirect("accounts:profile")
    request.session.cycle_key()
    messages.success(request, _("Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu mới."))
    return redirect("accounts:login")


@require_POST
def password_recovery_resend(request: HttpRequest) -> HttpResponse:
    token = request.session.get(RECOVERY_SESSION_KEY)
    if not token:
        return redirect("accounts:password_recovery")
    if RECOVERY_SENDS.exceeded(request):
        messages.error(request, _too_many_sends())
        return redirect("accounts:password_recovery_code")
    RECOVERY_SENDS.hit(request)
    request.session[RECOVERY_SESSION_KEY] = recovery.resend(token)
    messages.info(
        request,
        _("Nếu thông tin khớp với một tài khoản, mã mới đã được gửi. Mã cũ không dùng được nữa."),
    )
    return redirect("accounts:password_recovery_code")
