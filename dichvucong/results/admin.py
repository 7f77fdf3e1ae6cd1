"""The result templates are master data the administrator keeps."""

from __future__ import annotations

from django.contrib import admin

from dichvucong.results.models import ResultTemplate


@admin.register(ResultTemplate)
class ResultTemplateAdmin(admin.ModelAdmin):
    list_display = ("procedure_code", "title", "symbol")
    search_fields = ("procedure_code", "title")
