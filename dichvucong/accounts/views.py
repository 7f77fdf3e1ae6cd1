"""Account pages: registration, logout and "my account". Login and
password reset are Django's views, configured in urls.py."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dichvucong.accounts import services
from dichvucong.accounts.forms import CitizenRegistrationForm, OrganisationRegistrationForm


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
