"""Django admin for the catalogue's master data. The back office has its own
UI; this is for the administrator who keeps units, agencies, procedures and
the calendar."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dichvucong.catalogue import fees
from dichvucong.catalogue.models import (
    AdminUnit,
    Agency,
    CalendarDay,
    Field,
    Procedure,
    ProcedureHandling,
    RequiredDocument,
    SucceedingGroup,
    UnitSuccession,
)
from dichvucong.lib import filecheck

admin.site.site_header = _("Quản trị dịch vụ công")
admin.site.site_title = _("Quản trị dịch vụ công")
admin.site.index_title = _("Dữ liệu danh mục")


class ParentFilter(admin.SimpleListFilter):
    """Units under a chosen parent. Listing every unit that has children
    would offer the ~100 residential groups' wards and districts at once;
    parents are what an administrator browses by."""

    title = _("đơn vị cấp trên")
    parameter_name = "parent"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        parents = AdminUnit.objects.filter(children__isnull=False).distinct()
        return [(str(unit.pk), unit.full_name()) for unit in parents.select_related("parent")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AdminUnit]) -> QuerySet[AdminUnit]:
        if self.value():
            return queryset.filter(parent_id=self.value())
        return queryset


@admin.register(AdminUnit)
class AdminUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["level", ParentFilter]
    search_fields = ["name", "code"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "unit_code", "kind", "admin_unit", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "unit_code"]
    autocomplete_fields = ["admin_unit", "parent"]
    list_select_related = ["admin_unit", "parent"]


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["name", "procedure_count"]
    search_fields = ["name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Field]:
        return super().get_queryset(request).annotate(procedure_count=Count("procedures"))

    @admin.display(description=_("số thủ tục"), ordering="procedure_count")
    def procedure_count(self, obj: Field) -> int:
        return obj.procedure_count  # type: ignore[attr-defined]


class RequiredDocumentForm(forms.ModelForm):
    """The blank form (mẫu đơn, tờ khai) citizens download from a
    procedure's page is checked as any uploaded file is (lib/filecheck.py):
    a PDF with a script or an HTML page renamed .pdf never reaches them."""

    class Meta:
        model = RequiredDocument
        fields = ["position", "name", "required", "template"]

    def clean_template(self) -> Any:
        upload = self.cleaned_data.get("template")
        if not isinstance(upload, UploadedFile):  # none, cleared, or the stored one kept
            return upload
        try:
            checked = filecheck.check_upload(
                upload.name or "",
                getattr(upload, "content_type", None),
                upload,
                filecheck.FORM_TEMPLATES,
            )
        except filecheck.FileRefused as error:
            raise forms.ValidationError(error.text(gettext)) from None
        upload.name = checked.name
        return upload


# Its own list rather than an inline of the procedure form: few procedures
# have dated rules, and an inline would add a formset to every procedure form.
@admin.register(ProcedureHandling)
class ProcedureHandlingAdmin(admin.ModelAdmin):
    list_display = ["procedure", "handling_level", "agency", "valid_from", "valid_to"]
    list_filter = ["handling_level", "valid_from", "valid_to"]
    search_fields = ["procedure__code", "procedure__name"]
    autocomplete_fields = ["procedure", "agency"]
    list_select_related = ["procedure", "agency"]


class SucceedingGroupInline(admin.TabularInline):
    model = SucceedingGroup
    fields = ["group"]
    autocomplete_fields = ["group"]
    extra = 0


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "kind", "effective_date", "legal_basis"]
    list_filter = ["kind", "effective_date"]
    search_fields = ["predecessor__name", "successor__name"]
    autocomplete_fields = ["predecessor", "successor"]
    list_select_related = ["predecessor", "successor"]
    inlines = [SucceedingGroupInline]


class RequiredDocumentInline(admin.TabularInline):
    model = RequiredDocument
    form = RequiredDocumentForm
    fields = ["position", "name", "required", "template"]
    extra = 0


class ProcedureForm(forms.ModelForm):
    """The e-form is checked by Procedure.clean (run by the admin's model
    validation); the fee rule here, where an empty rule is read from the
    fee wording."""

    class Meta:
        model = Procedure
        # The admin's fieldsets choose what is shown; this lists what may be saved.
        fields = [
            "code",
            "name",
            "field",
            "is_active",
            "handling_level",
            "agency",
            "online_level",
            "working_days",
            "same_day_cutoff",
            "result_type",
            "min_assurance",
            "fee_text",
            "fee_rule",
            "form_schema",
            "notes",
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # An emptied JSON box arrives as None, which the NOT NULL columns refuse.
        if "form_schema" in cleaned and cleaned["form_schema"] is None:
            cleaned["form_schema"] = []
        if "fee_rule" in cleaned:
            cleaned["fee_rule"] = self._fee_rule(cleaned["fee_rule"], cleaned.get("fee_text"))
        return cleaned

    def _fee_rule(self, rule: Any, fee_text: str | None) -> Any:
        """A rule given by hand is checked; an empty one is read from the
        wording, so editing the wording and emptying the rule re-reads it."""
        if rule:
            for message in fees.rule_errors(rule):
                self.add_error("fee_rule", message)
            return rule
        if not fee_text:
            return {}
        try:
            return fees.parse_fee(fee_text)
        except fees.FeeParseError as error:
            self.add_error("fee_text", str(error))
            return {}


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    form = ProcedureForm
    inlines = [RequiredDocumentInline]
    list_display = [
        "code",
        "name",
        "field",
        "handling_level",
        "online_level",
        "working_days",
        "is_active",
    ]
    list_filter = ["online_level", "handling_level", "is_active", "field"]
    search_fields = ["code", "name", "search_text"]
    autocomplete_fields = ["field", "agency"]
    list_select_related = ["field"]
    readonly_fields = ["fee_summary"]
    fieldsets = [
        (None, {"fields": ["code", "name", "field", "is_active"]}),
        (
            _("Thực hiện"),
            {
                "fields": [
                    "handling_level",
                    "agency",
                    "online_level",
                    "working_days",
                    "same_day_cutoff",
                    "result_type",
                    "min_assurance",
                ]
            },
        ),
        (
            _("Phí, lệ phí"),
            {
                "fields": ["fee_text", "fee_rule", "fee_summary"],
                "description": _("Để trống quy tắc tính phí để hệ thống đọc từ văn bản phí."),
            },
        ),
        (_("Biểu mẫu điện tử"), {"fields": ["form_schema"]}),
        (_("Ghi chú"), {"fields": ["notes"]}),
    ]

    @admin.display(description=_("cách tính phí"))
    def fee_summary(self, obj: Procedure) -> str:
        return fees.describe_fee(obj.fee_rule) if obj.pk else "–"


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    search_fields = ["note"]
