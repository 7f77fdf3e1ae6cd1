"""API keys, managed by an administrator: made for one agency and one
role with an expiry date, shown once on the page that follows the save
(only the hash is stored), revoked by an action. A key is never edited:
a changed role or agency is a new key, so the event log's service
account always meant one thing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dichvucong.api import keys
from dichvucong.api.constants import KEY_DEFAULT_DAYS, KEY_MAX_DAYS
from dichvucong.api.models import ApiKey, default_expiry


class NewKeyForm(forms.ModelForm):
    expires_at = forms.DateTimeField(
        label=_("hết hạn lúc"),
        initial=default_expiry,
        help_text=format_lazy(
            _("Bắt buộc; mặc định {default} ngày, tối đa {max} ngày."),
            default=KEY_DEFAULT_DAYS,
            max=KEY_MAX_DAYS,
        ),
    )

    class Meta:
        model = ApiKey
        fields = ["name", "agency", "role", "expires_at"]

    def clean_expires_at(self) -> datetime:
        value: datetime = self.cleaned_data["expires_at"]
        problem = keys.check_expiry(value)
        if problem:
            raise forms.ValidationError(problem)
        return value


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["prefix", "name", "agency", "role", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["role", "agency"]
    list_select_related = ["agency"]
    search_fields = ["prefix", "name", "agency__name", "agency__unit_code"]
    actions = ["revoke_keys"]
    autocomplete_fields = ["agency"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):  # type: ignore[no-untyped-def,override]
        if obj is None:
            kwargs["form"] = NewKeyForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return list(NewKeyForm.Meta.fields)
        return [
            "name",
            "agency",
            "role",
            "prefix",
            "user",
            "created_at",
            "expires_at",
            "revoked_at",
            "last_used_at",
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [] if obj is None else self.get_fields(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Its service account is named by the events it wrote: revoke instead.
        return False

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            return
        made, raw = keys.create_key(obj.agency, obj.role, obj.name.strip(), obj.expires_at)
        obj.pk, obj.prefix = made.pk, made.prefix
        obj._raw_key = raw  # type: ignore[attr-defined]  # for response_add only, never saved

    def response_add(
        self, request: HttpRequest, obj: ApiKey, post_url_continue: Any = None
    ) -> HttpResponse:
        """The key, once, on this page and nowhere else (not in a message,
        which would sit in the session or a cookie)."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Khóa API mới"),
            "key": obj,
            "raw_key": getattr(obj, "_raw_key", ""),
        }
        response = TemplateResponse(request, "admin/api/apikey/created.html", context)
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=_("Thu hồi các khóa đã chọn"), permissions=["change"])
    def revoke_keys(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        prefixes = list(queryset.filter(revoked_at__isnull=True).values_list("prefix", flat=True))
        for prefix in prefixes:
            keys.revoke(prefix)
        count = len(prefixes)
        self.message_user(
            request,
            ngettext("Đã thu hồi %(count)d khóa.", "Đã thu hồi %(count)d khóa.", count)
            % {"count": count},
            messages.SUCCESS,
        )
