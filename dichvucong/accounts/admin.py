"""Admin for accounts: users with their profile and staff roles inline,
and the reset of a lost second-factor device.

The admin site has no login page of its own: it sends people to the site's
log-in, so its limits and the second factor cannot be gone round.
django-otp's own device admin is removed: keys are secrets, and a device
changes only through two_factor (enrolment, or the audited reset here).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from dichvucong.accounts import two_factor
from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import CitizenProfile, OrganisationProfile, StaffRole, User


def admin_login(request: HttpRequest, extra_context: Any = None) -> HttpResponse:
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))


admin.site.login = admin_login  # type: ignore[method-assign]
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)


class CitizenProfileInline(admin.StackedInline):
    model = CitizenProfile
    can_delete = False
    max_num = 1
    # Raw ids: a city has thousands of residential groups.
    raw_id_fields = ("ward", "residential_group")


class OrganisationProfileInline(admin.StackedInline):
    model = OrganisationProfile
    can_delete = False
    max_num = 1
    raw_id_fields = ("ward",)


class StaffRoleInline(admin.TabularInline):
    model = StaffRole
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "full_name", "kind", "email", "is_active", "is_staff")
    list_filter = ("kind", "is_active", "is_staff", "is_superuser")
    search_fields = ("username", "full_name", "email")
    ordering = ("username",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Thông tin"), {"fields": ("full_name", "kind", "email")}),
        (
            _("Quyền"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Thời điểm"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "full_name",
                    "kind",
                    "email",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    inlines_by_kind = {
        AccountKind.CITIZEN: (CitizenProfileInline,),
        AccountKind.ORGANISATION: (OrganisationProfileInline,),
        AccountKind.STAFF: (StaffRoleInline,),
    }

    actions = ("reset_second_factor",)

    @admin.action(description=_("Đặt lại xác thực hai lớp (mất điện thoại)"))
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            two_factor.reset(request, user)
        count = queryset.count()
        text = ngettext(
            "Đã đặt lại xác thực hai lớp cho %(n)d tài khoản; lần đăng nhập tới sẽ cài lại.",
            "Đã đặt lại xác thực hai lớp cho %(n)d tài khoản; lần đăng nhập tới sẽ cài lại.",
            count,
        )
        self.message_user(request, text % {"n": count}, messages.SUCCESS)

    def get_inlines(self, request: HttpRequest, obj: Any = None) -> Any:
        # Profiles and roles are added once the account exists, and only
        # the ones its kind of account has.
        return self.inlines_by_kind.get(obj.kind, ()) if obj is not None else ()


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "agency", "school")
    list_filter = ("role", "agency")
    list_select_related = ("user", "agency", "school")
    search_fields = ("user__username", "user__full_name", "agency__name")
    raw_id_fields = ("user",)
