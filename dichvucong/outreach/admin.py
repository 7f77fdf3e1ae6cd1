from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import ForeignKey
from django.forms import ModelChoiceField
from django.http import HttpRequest

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach.models import (
    Ambassador,
    AssistedSubmission,
    Attendance,
    Campaign,
    Consent,
    Guardian,
    Material,
    MaterialVersion,
    PracticeAttempt,
    Pupil,
    PupilErasure,
    RosterImport,
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
# Pupils are minors: list pages show ids, classes and counts, and names only
# where a school's staff need them to find a row (the pupil list itself).


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


@admin.register(Pupil)
class PupilAdmin(admin.ModelAdmin):
    list_display = ["full_name", "school_class", "birth_year", "erased_at"]
    list_filter = [("erased_at", admin.EmptyFieldListFilter)]
    list_select_related = ["school_class"]
    raw_id_fields = ["school_class", "guardian", "ambassador_group"]
    search_fields = ["full_name"]
    # Erasure goes through services.erase_pupil (pupil page), which keeps
    # the counts; a hard delete here would not.
    readonly_fields = ["erased_at"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Guardian)
class GuardianAdmin(admin.ModelAdmin):
    list_display = ["pk", "full_name"]
    search_fields = ["phone"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["pk", "pupil_id", "giver", "given", "method", "recorded_at"]
    list_filter = ["giver", "given", "method"]
    raw_id_fields = ["pupil", "recorded_by"]


@admin.register(PupilErasure)
class PupilErasureAdmin(admin.ModelAdmin):
    list_display = ["pupil_id", "erased_by", "erased_at"]
    readonly_fields = ["pupil", "erased_by", "erased_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RosterImport)
class RosterImportAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "original_name",
        "school",
        "school_year",
        "status",
        "done",
        "total",
        "created_at",
    ]
    list_filter = ["status"]
    readonly_fields = ["errors", "done", "total", "created", "updated", "finished_at"]


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = ["school", "starts_at", "place", "campaign"]
    list_filter = ["campaign", "school"]
    list_select_related = ["school", "campaign"]
    filter_horizontal = ["classes", "materials"]
    date_hierarchy = "starts_at"


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["session", "pupil_id", "present"]
    list_filter = ["present"]
    raw_id_fields = ["session", "pupil"]


@admin.register(Ambassador)
class AmbassadorAdmin(admin.ModelAdmin):
    list_display = ["pk", "campaign", "residential_group", "active", "since"]
    list_filter = ["active", "campaign"]
    raw_id_fields = ["user", "pupil", "residential_group"]


@admin.register(PracticeAttempt)
class PracticeAttemptAdmin(admin.ModelAdmin):
    list_display = ["pk", "pupil_id", "procedure", "started_at", "completed_at"]
    raw_id_fields = ["pupil", "session", "dossier"]


@admin.register(AssistedSubmission)
class AssistedSubmissionAdmin(admin.ModelAdmin):
    list_display = ["dossier", "ambassador", "channel", "confirmed_at"]
    list_filter = ["channel"]
    raw_id_fields = ["dossier", "ambassador"]
    # The code's hash is of no use to anyone reading the admin.
    exclude = ["code_hash"]


@admin.register(YearEndReport)
class YearEndReportAdmin(admin.ModelAdmin):
    list_display = ["campaign", "state", "submitted_at", "approved_at"]
    list_filter = ["state"]
    readonly_fields = ["snapshot"]
