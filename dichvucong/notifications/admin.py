"""The outbox in the admin: read-only, for superusers only, recipients
masked. Operators see what was sent, when and why it failed; nobody edits
a message or browses the contact data of the whole district."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from dichvucong.notifications.masking import mask_recipient
from dichvucong.notifications.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = (
        "pk",
        "created_at",
        "dossier",
        "channel",
        "masked_recipient",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "delivered_by",
    )
    list_filter = ("status", "channel")
    search_fields = ("dossier__code",)
    list_select_related = ("dossier",)
    fields = (
        "dossier",
        "channel",
        "masked_recipient",
        "subject",
        "body",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "delivered_by",
        "zalo_error",
        "created_at",
        "sent_at",
        "dedupe_key",
    )
    readonly_fields = fields
    date_hierarchy = "created_at"

    @admin.display(description=_("người nhận"))
    def masked_recipient(self, message: OutboxMessage) -> str:
        return mask_recipient(message.channel, message.recipient)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
