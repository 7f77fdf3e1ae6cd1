from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import ForeignKey
from django.forms import ModelChoiceField
from django.http import HttpRequest

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach.models import (
    Campaign,
    Material,
    MaterialVersion,
    PupilErasure,
    School,
    SchoolClass,
    TrainingSession,
    YearEndReport,
)


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


# --- The campaign -------------------------------------------------------------


class MaterialVersionInline(admin.TabularInline):
    model = MaterialVersion
    extra = 0
    fields = ["number", "file", "original_name", "size", "note", "uploaded_at"]
    readonly_fields = ["uploaded_at"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "lead_agency",
        "start_date",
        "end_date",
        "target_grade",
        "success_rule",
    ]
    list_filter = ["success_rule"]
    search_fields = ["title"]
    filter_horizontal = ["schools"]
    date_hierarchy = "start_date"


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "campaign"]
    list_filter = ["kind"]
    inlines = [MaterialVersionInline]


@admin.register(SchoolClass)
class SchoolClassAdmin(admin.ModelAdmin):
    list_display = ["name", "school", "school_year", "grade"]
    list_filter = ["school_year", "grade", "school"]
    list_select_related = ["school"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A class with pupils cannot go (they are protected, and the counts
        # hang on them), and the page saying so would list them by name;
        # an empty class, created by mistake, may. No bulk delete either:
        # its confirmation page would list them just the same.
        return obj is not None and not obj.pupils.exists()


# Not in the admin: pupils, guardians, consents, attendance, ambassadors,
# practice attempts, assisted submissions and roster imports. They are
# minors' personal data and the inputs of the year-end counts, kept by the
# schools and the education office on the outreach pages (access.py: each
# sees its own schools, erasure keeps the counts, consent goes through
# services.record_consent). The admin is for master data (DESIGN.md §2,
# §8): an administrator reading every minor's name and guardian's phone,
# or editing a consent or an attendance outside those rules, is access
# nobody's work needs. Erasures are listed (ids only, no name).


@admin.register(PupilErasure)
class PupilErasureAdmin(admin.ModelAdmin):
    list_display = ["pupil_id", "erased_by", "erased_at"]
    readonly_fields = ["pupil", "erased_by", "erased_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = ["school", "starts_at", "place", "campaign"]
    list_filter = ["campaign", "school"]
    list_select_related = ["school", "campaign"]
    filter_horizontal = ["classes", "materials"]
    date_hierarchy = "starts_at"


@admin.register(YearEndReport)
class YearEndReportAdmin(admin.ModelAdmin):
    list_display = ["campaign", "state", "submitted_at", "approved_at"]
    list_filter = ["state"]
    # What was frozen and what the district approved are never edited by hand.
    readonly_fields = ["snapshot", "approved_digest", "approved_totals"]
