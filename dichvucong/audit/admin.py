"""The audit trail in the admin: read-only, for superusers and for whoever
is given the permission to view it ("audit | nhật ký an ninh | Can view"),
nobody else. Nobody adds, edits or deletes an entry, superusers included.

Filters by kind, by day and by the staff who acted; any account's trail
through the link on its name; search by target (a dossier code, an
object's id), account name, address or path."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry

# Entries whose actor is staff by nature: the filter lists those actors.
STAFF_ACTIONS = (Action.STAFF_ACTION, Action.ADMIN)


class ActorFilter(admin.SimpleListFilter):
    """The staff who acted, by name; any other account (a citizen whose
    failed logins are being looked at) through the link in the list."""

    title = _("người thực hiện")
    parameter_name = "actor"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        acted = AuditEntry.objects.filter(action__in=STAFF_ACTIONS, actor__isnull=False)
        users = get_user_model()._default_manager.filter(pk__in=acted.values("actor"))
        return [(str(user.pk), user.get_username()) for user in users.order_by("username")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditEntry]) -> Any:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(actor_id=int(value))
        return queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "actor_link", "what", "target", "address", "path")
    list_filter = ("action", ("at", admin.DateFieldListFilter), ActorFilter)
    search_fields = ("target", "actor_label", "address", "path", "what")
    date_hierarchy = "at"
    list_select_related = ("actor",)
    readonly_fields = [field.name for field in AuditEntry._meta.fields]
    list_per_page = 50
    # The table only grows; counting all of it on every page is not needed.
    show_full_result_count = False

    @admin.display(description=_("tài khoản"), ordering="actor_label")
    def actor_link(self, entry: AuditEntry) -> str:
        if entry.actor_id is None:
            return entry.actor_label or "–"
        return format_html('<a href="?actor={}">{}</a>', entry.actor_id, entry.actor_label)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and user.has_perm("audit.view_auditentry"))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
