"""The national outbox in the admin, for the administrator (superusers):
what is waiting, failing or refused, with the last error, and the one
thing to do about it, "Gửi lại". Nobody edits or deletes a message: a
message is never dropped, and its dossier's later ones wait behind it."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from dichvucong.national import service
from dichvucong.national.constants import MessageStatus
from dichvucong.national.models import NationalMessage


class AttentionFilter(admin.SimpleListFilter):
    title = _("cần xử lý")
    parameter_name = "can_xu_ly"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("1", _("Đang lỗi hoặc bị từ chối")), ("0", _("Chưa gửi được"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "1":
            return queryset.filter(service.needs_attention())
        if self.value() == "0":
            return queryset.exclude(status=MessageStatus.SENT)
        return queryset


@admin.register(NationalMessage)
class NationalMessageAdmin(admin.ModelAdmin):
    list_display = (
        "message_id",
        "kind",
        "status_code",
        "status",
        "waits_behind",
        "attempts",
        "next_attempt_at",
        "last_error",
        "sent_at",
    )
    list_filter = (AttentionFilter, "status", "kind")
    search_fields = ("dossier__code", "message_id")
    fields = (
        "dossier",
        "message_id",
        "event_seq",
        "kind",
        "status_code",
        "is_update",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
        "data",
    )
    readonly_fields = fields
    actions = ["resend"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[NationalMessage]:
        earlier_unsent = NationalMessage.objects.filter(
            dossier_id=OuterRef("dossier_id"), event_seq__lt=OuterRef("event_seq")
        ).exclude(status=MessageStatus.SENT)
        return super().get_queryset(request).annotate(blocked=Exists(earlier_unsent))

    @admin.display(description=_("chờ sự kiện trước"), boolean=True)
    def waits_behind(self, message: Any) -> bool:
        return bool(message.blocked) and message.status != MessageStatus.SENT

    @admin.action(description=_("Gửi lại các thông điệp đã chọn"))
    def resend(self, request: HttpRequest, queryset: QuerySet[NationalMessage]) -> None:
        queued = service.resend(queryset.select_related("dossier"))
        self.message_user(
            request,
            _("Đã xếp %(count)s thông điệp để gửi lại.") % {"count": queued},
            messages.SUCCESS,
        )

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        counts = service.summary()
        title = (
            _(
                "Đồng bộ Cổng DVCQG: %(pending)s chờ gửi, %(failing)s đang lỗi, "
                "%(refused)s bị từ chối"
            )
            % counts
        )
        return super().changelist_view(request, {**(extra_context or {}), "title": title})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Saving a read-only page would write a stale copy of the row over
        # the drain's changes; the resend action needs no such right.
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
