"""Admin for accounts: users with their profile and staff roles inline.

The admin site's login goes through the same lockout as the public login,
otherwise it would be a way round it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.forms import AdminLoginForm
from dichvucong.accounts.models import CitizenProfile, OrganisationProfile, StaffRole, User

admin.site.login_form = AdminLoginForm


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
