from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import ForeignKey
from django.forms import ModelChoiceField
from django.http import HttpRequest

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach.models import School


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "ward", "is_public", "verified"]
    list_filter = ["is_public", "verified", ("ward", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name"]
    list_select_related = ["ward"]

    def formfield_for_foreignkey(
        self, db_field: ForeignKey, request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField | None:
        # A school sits in a ward; offering districts or residential groups
        # would only invite mistakes.
        if db_field.name == "ward":
            kwargs["queryset"] = AdminUnit.objects.filter(level=UnitLevel.WARD)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
