"""Account pages: log-in (Django's view, answering 429 past the limits),
registration, logout, "my account", the staff second factor
(two_factor.py) and password recovery by SMS code (recovery.py). The
e-mail password reset is Django's views, configured in urls.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dichvucong.accounts import phone_confirmation, recovery, services, two_factor
from dichvucong.accounts.forms import (
    CitizenDetailsForm,
    CitizenRegistrationForm,
    LoginForm,
    NotificationChannelForm,
    OrganisationAddressForm,
    OrganisationRegistrationForm,
    PhoneCodeForm,
    RecoveryCodeForm,
    RecoveryRequestForm,
    SecondFactorForm,
)
from dichvucong.accounts.vneid import client as vneid_client
from dichvucong.notifications import zalo
from dichvucong.notifications.masking import mask_phone
from dichvucong.privacy.constants import NoticeKind
from dichvucong.privacy.services import acknowledge
from dichvucong.throttle import Refused, client_address, rules, too_many

# The pending recovery: an opaque token, kept here and never in a URL.
RECOVERY_SESSION_KEY = "accounts.recovery"
# New recovery codes, kept from the POST that made them to the one GET
# that shows them.
NEW_CODES_SESSION_KEY = "accounts.new_recovery_codes"


class LoginView(auth_views.LoginView):
    """Django's log-in with our form; a refusal by the limits is a 429
    that says when to try again and asks staff for their code."""

    form_class = LoginForm
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # In demo mode the page links to the demo accounts (/demo/). The
        # national e-ID button shows only while a provider is configured.
        return {
            **super().get_context_data(**kwargs),
            "demo_mode": settings.DEMO_MODE,
            "vneid": vneid_client.provider(self.request) is not None,
        }

    def form_invalid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        if form.refused is None:
            return super().form_invalid(form)
        form.ask_for_code()
        context = self.get_context_data(form=form)
        return too_many(self.request, form.refused, self.template_name, context)


def register_citizen(request: HttpRequest) -> HttpResponse:
    form = CitizenRegistrationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            user = _registered(services.register_citizen, form.registration())
        except services.RegistrationRefused as refused:
            form.add_field_errors(refused.errors)
        else:
            return _welcome(request, user)
    return render(request, "accounts/register_citizen.html", {"form": form})


def register_organisation(request: HttpRequest) -> HttpResponse:
    form = OrganisationRegistrationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            user = _registered(services.register_organisation, form.registration())
        except services.RegistrationRefused as refused:
            form.add_field_errors(refused.errors)
        else:
            return _welcome(request, user)
    return render(request, "accounts/register_organisation.html", {"form": form})


def _registered(register: Any, registration: Any) -> services.User:
    """The account and the version of the notice its page showed, saved
    together (privacy/): neither without the other."""
    with transaction.atomic():
        user = register(registration)
        acknowledge(NoticeKind.REGISTRATION, account=user)
    return user


def _welcome(request: HttpRequest, user: services.User) -> HttpResponse:
    """Logged in at once, and a code on its way to the phone typed: the
    account can prepare drafts now and submit once the code is back."""
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Đăng ký thành công. Bạn đã được đăng nhập."))
    _send_phone_code(request, user)
    return redirect("accounts:confirm_phone")


def _send_phone_code(request: HttpRequest, user: services.User) -> bool:
    try:
        rules.CODE_SENDS.take(client_address(request))
        phone_confirmation.send_code(user)
    except Refused:
        messages.error(request, _too_many_sends())
        return False
    except phone_confirmation.CodeRefused as refused:
        messages.error(request, refused.message)
        return False
    return True


@login_required
def confirm_phone(request: HttpRequest) -> HttpResponse:
    """The code sent to the account's phone, typed back."""
    user = request.user
    if not phone_confirmation.needs_confirmation(user):  # type: ignore[arg-type]
        messages.info(request, _("Số điện thoại của tài khoản đã được xác nhận."))
        return redirect("accounts:profile")
    form = PhoneCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        address = client_address(request)
        rules.CODE_FAILURES.check(address)
        try:
            phone_confirmation.confirm(user, form.cleaned_data["code"])  # type: ignore[arg-type]
        except phone_confirmation.CodeRefused as refused:
            rules.CODE_FAILURES.hit(address)
            form.add_error("code", refused.message)
        else:
            messages.success(request, _("Đã xác nhận số điện thoại. Bạn đã nộp được hồ sơ."))
            return redirect("accounts:profile")
    context = {
        "form": form,
        "phone": mask_phone(services.contact_phone(user)),
        "minutes": int(recovery.CODE_LIFETIME.total_seconds() // 60),
        "per_hour": phone_confirmation.CODES_PER_ACCOUNT_PER_HOUR,
    }
    return _no_store(render(request, "accounts/confirm_phone.html", context))


@login_required
@require_POST
def confirm_phone_resend(request: HttpRequest) -> HttpResponse:
    if _send_phone_code(request, request.user):  # type: ignore[arg-type]
        messages.info(request, _("Đã gửi mã mới. Mã cũ không dùng được nữa."))
    return redirect("accounts:confirm_phone")


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("Bạn đã đăng xuất."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    citizen = services.citizen_profile(user)  # type: ignore[arg-type]
    organisation = services.organisation_profile(user)  # type: ignore[arg-type]
    context = {
        "needs_phone_confirmation": phone_confirmation.needs_confirmation(user),  # type: ignore[arg-type]
        "citizen": citizen,
        "organisation": organisation,
        "address_outdated": services.address_outdated(citizen or organisation),
        "channel_form": _channel_form(user),  # type: ignore[arg-type]
        "recovery_codes_left": (
            two_factor.recovery_codes_left(user)
            if two_factor.requires_second_factor(user)
            else None
        ),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_details(request: HttpRequest) -> HttpResponse:
    """A citizen's name, birth date, e-mail and address; those the
    national e-ID gave stay as it said (services.update_citizen_details).
    An organisation's: the address of its seat."""
    user = request.user
    if services.citizen_profile(user) is None:  # type: ignore[arg-type]
        if services.organisation_profile(user) is None:  # type: ignore[arg-type]
            raise Http404
        return _edit_organisation_address(request)
    current, outdated = services.details_today(user)  # type: ignore[arg-type]
    form = CitizenDetailsForm(
        request.POST if request.method == "POST" else None,
        initial=vars(current),
        locked=services.claims_locked(user),
    )
    if form.is_valid():
        try:
            services.update_citizen_details(user, form.details())  # type: ignore[arg-type]
        except services.RegistrationRefused as refused:
            form.add_field_errors(refused.errors)
        else:
            messages.success(request, _("Đã lưu thông tin."))
            return redirect("accounts:profile")
    context = {"form": form, "address_outdated": outdated}
    return render(request, "accounts/edit_details.html", context)


def _edit_organisation_address(request: HttpRequest) -> HttpResponse:
    current, outdated = services.organisation_address_today(request.user)  # type: ignore[arg-type]
    form = OrganisationAddressForm(
        request.POST if request.method == "POST" else None, initial=vars(current)
    )
    if form.is_valid():
        services.update_organisation_address(request.user, form.details())  # type: ignore[arg-type]
        messages.success(request, _("Đã lưu thông tin."))
        return redirect("accounts:profile")
    context = {"form": form, "address_outdated": outdated, "organisation": True}
    return render(request, "accounts/edit_details.html", context)


def _channel_form(user: services.User) -> NotificationChannelForm | None:
    """Offered to citizens only, and only while Zalo is configured."""
    citizen = services.citizen_profile(user)
    if citizen is None or not zalo.is_configured():
        return None
    return NotificationChannelForm(initial={"channel": "zalo" if citizen.notify_by_zalo else "sms"})


@login_required
@require_POST
def notification_channel(request: HttpRequest) -> HttpResponse:
    citizen = services.citizen_profile(request.user)  # type: ignore[arg-type]
    if citizen is None or not zalo.is_configured():
        raise Http404
    form = NotificationChannelForm(request.POST)
    if form.is_valid():
        services.choose_zalo(citizen, form.cleaned_data["channel"] == "zalo")
        messages.success(request, _("Đã lưu cách nhận thông báo."))
    return redirect("accounts:profile")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's page for the e-mailed link. Whoever holds the mailbox has
    proved they are the owner: the login limits let them in again."""

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.clear_login_failures(form.user.get_username(), self.request)
        return response


# --- Password recovery by SMS code -----------------------------------------------


def _too_many_sends() -> str:
    return _("Đã yêu cầu quá nhiều mã từ máy này trong một giờ.")


def password_recovery(request: HttpRequest) -> HttpResponse:
    """ID number and phone in; the same answer page whatever they match."""
    form = RecoveryRequestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            rules.CODE_SENDS.take(client_address(request))
        except Refused as refused:
            form.add_error(None, _too_many_sends())
            return too_many(request, refused, "accounts/recovery_start.html", {"form": form})
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
        address = client_address(request)
        rules.CODE_FAILURES.check(address)
        try:
            user = recovery.reset_password(token, data["code"], data["password2"])
        except recovery.RecoveryRefused as refused:
            rules.CODE_FAILURES.hit(address)
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
    services.clear_login_failures(user.get_username(), request)
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
    rules.CODE_SENDS.take(client_address(request))
    request.session[RECOVERY_SESSION_KEY] = recovery.resend(token)
    messages.info(
        request,
        _("Nếu thông tin khớp với một tài khoản, mã mới đã được gửi. Mã cũ không dùng được nữa."),
    )
    return redirect("accounts:password_recovery_code")


# --- The staff second factor -------------------------------------------------------


def _next_url(request: HttpRequest) -> str:
    """Where to go once done: a `next` on this site, else the start page."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if candidate and safe else reverse(settings.LOGIN_REDIRECT_URL)


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next_url(request)})}"


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The code after the password, once per session."""
    user = request.user
    if not two_factor.requires_second_factor(user) or two_factor.is_verified(user):
        return redirect(_next_url(request))
    if not two_factor.has_device(user):
        return redirect(_with_next("accounts:two_factor_setup", request))
    form = SecondFactorForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"form": form, "next": _next_url(request)}
    if form.is_valid():
        try:
            two_factor.verify(request, form.cleaned_data["code"])
        except two_factor.CodeRefused as refused:
            form.add_error("code", str(refused))
        except Refused as refused:
            return too_many(request, refused, "accounts/two_factor_verify.html", context)
        else:
            _warn_if_few_codes(request)
            return redirect(_next_url(request))
    return render(request, "accounts/two_factor_verify.html", context)


def _warn_if_few_codes(request: HttpRequest) -> None:
    left = two_factor.recovery_codes_left(request.user)
    if left <= two_factor.RECOVERY_CODES_LOW:
        text = _("Bạn chỉ còn %(n)d mã dự phòng. Hãy vào “Mã dự phòng” để in bộ mã mới.")
        messages.warning(request, text % {"n": left})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """First log-in: scan the QR code, type the code the app shows. A
    confirmed device is replaced only by an administrator's reset."""
    user = request.user
    if not two_factor.requires_second_factor(user):
        return redirect(_next_url(request))
    if two_factor.has_device(user):
        return redirect(_with_next("accounts:two_factor", request))
    device = two_factor.start_enrolment(user)
    form = SecondFactorForm(request.POST if request.method == "POST" else None, digits_only=True)
    context: dict[str, Any] = {
        "form": form,
        "next": _next_url(request),
        "qr_code": two_factor.qr_code(device),
        "key": two_factor.typed_key(device),
        "config_url": device.config_url,
    }
    if form.is_valid():
        try:
            codes = two_factor.enrol(request, device, form.cleaned_data["code"])
        except two_factor.CodeRefused as refused:
            form.add_error("code", str(refused))
        except Refused as refused:
            return too_many(request, refused, "accounts/two_factor_setup.html", context)
        else:
            request.session[NEW_CODES_SESSION_KEY] = codes
            return redirect(_with_next("accounts:two_factor_codes", request))
    return _no_store(render(request, "accounts/two_factor_setup.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_codes(request: HttpRequest) -> HttpResponse:
    """Recovery codes: new ones are shown once, to print; POST makes a new
    set (the old one dies)."""
    if not two_factor.requires_second_factor(request.user):
        return redirect("accounts:profile")
    if request.method == "POST":
        request.session[NEW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(request)
        return redirect(_with_next("accounts:two_factor_codes", request))
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None) or []
    context = {
        "codes": [two_factor.shown(code) for code in codes],
        "left": two_factor.recovery_codes_left(request.user),
        "next": _next_url(request),
    }
    return _no_store(render(request, "accounts/two_factor_codes.html", context))


def _no_store(response: HttpResponse) -> HttpResponse:
    # A key or recovery codes: no cache, shared or the browser's, keeps them.
    response["Cache-Control"] = "private, no-store"
    return response
