"""Master data: the administrative tree, agencies, fields, procedures and
the office calendar's exceptions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import PROCEDURE_MINIMUM_CHOICES, AssuranceLevel
from dichvucong.catalogue.constants import (
    UNIT_LEVEL_ORDER,
    AgencyKind,
    CalendarDayKind,
    HandlingLevel,
    OnlineLevel,
    UnitLevel,
)
from dichvucong.lib.text import fold


class AdminUnit(models.Model):
    """A node of the administrative tree: city, district, ward or
    residential group. Which levels exist is data, not code."""

    name = models.CharField(_("tên"), max_length=200)
    code = models.CharField(_("mã"), max_length=40, unique=True)
    level = models.CharField(_("cấp"), max_length=10, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unique_unit_name_in_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent is None:
            return
        if UNIT_LEVEL_ORDER.index(self.parent.level) >= UNIT_LEVEL_ORDER.index(self.level):
            raise ValidationError({"parent": _("Đơn vị cấp trên phải ở cấp cao hơn.")})

    def ancestors(self) -> list[AdminUnit]:
        chain: list[AdminUnit] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def full_name(self) -> str:
        return ", ".join(unit.name for unit in [self, *self.ancestors()])


class Agency(models.Model):
    """A government body that receives or handles dossiers. Its unit code
    (Circular 01/2018 art. 19) is the prefix of every dossier code it issues."""

    name = models.CharField(_("tên cơ quan"), max_length=200)
    unit_code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    kind = models.CharField(_("loại"), max_length=12, choices=AgencyKind.choices)
    admin_unit = models.ForeignKey(
        AdminUnit, on_delete=models.PROTECT, related_name="agencies",
        verbose_name=_("địa bàn"),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="departments",
        verbose_name=_("cơ quan chủ quản"),
    )

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Field(models.Model):
    """Lĩnh vực: the grouping of procedures citizens browse by."""

    name = models.CharField(_("tên lĩnh vực"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    """Thủ tục hành chính. `form_schema` is the e-form definition (see
    catalogue/forms_schema.py); `fee_rule` the structured fee (see
    catalogue/fees.py); `fee_text` the wording citizens read."""

    code = models.CharField(_("mã thủ tục"), max_length=20, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=300)
    field = models.ForeignKey(Field, on_delete=models.PROTECT, related_name="procedures",
                              verbose_name=_("lĩnh vực"))
    handling_level = models.CharField(_("cấp thực hiện"), max_length=10,
                                      choices=HandlingLevel.choices)
    # The handling agency for district and city procedures. Ward procedures
    # are handled by the People's Committee of the ward the applicant chooses.
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="procedures", verbose_name=_("cơ quan thực hiện"))
    online_level = models.PositiveSmallIntegerField(_("mức độ trực tuyến"),
                                                    choices=OnlineLevel.choices,
                                                    default=OnlineLevel.FORMS)
    working_days = models.PositiveSmallIntegerField(
        _("thời hạn giải quyết (ngày làm việc)"), default=0,
        help_text=_("0 = trả trong ngày"),
    )
    same_day_cutoff = models.BooleanField(
        _("áp dụng quy tắc 15 giờ"), default=False,
        help_text=_("Hồ sơ nhận sau 15 giờ được trả vào ngày làm việc tiếp theo."),
    )
    fee_text = models.CharField(_("phí, lệ phí"), max_length=300, blank=True)
    fee_rule = models.JSONField(_("quy tắc tính phí"), default=dict, blank=True)
    result_type = models.CharField(_("kết quả"), max_length=200, blank=True)
    form_schema = models.JSONField(_("biểu mẫu điện tử"), default=list, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    # Who may submit online: an account at least this sure to be its
    # holder's (accounts.services.assurance_refusal). Never below a
    # confirmed phone; imported procedures start there.
    min_assurance = models.CharField(
        _("mức xác thực tối thiểu của tài khoản nộp"),
        max_length=16,
        choices=PROCEDURE_MINIMUM_CHOICES,
        default=AssuranceLevel.PHONE_CONFIRMED,
        help_text=_("Tài khoản có mức xác thực thấp hơn không nộp trực tuyến được thủ tục này."),
    )
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["field__name", "name"]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.search_text = fold(f"{self.code} {self.name}")
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from dichvucong.catalogue.forms_schema import schema_errors

        errors = schema_errors(self.form_schema)
        if errors:
            raise ValidationError({"form_schema": errors})
        if self.handling_level != HandlingLevel.WARD and self.agency is None:
            raise ValidationError({"agency": _("Thủ tục cấp quận phải có cơ quan thực hiện.")})

    @property
    def accepts_online_submission(self) -> bool:
        return self.online_level >= OnlineLevel.PARTIAL


class RequiredDocument(models.Model):
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("tên giấy tờ"), max_length=300)
    required = models.BooleanField(_("bắt buộc"), default=True)
    position = models.PositiveSmallIntegerField(default=0)
    template = models.FileField(_("mẫu đơn, tờ khai"), upload_to="forms/", blank=True)

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")
        ordering = ["procedure", "position"]

    def __str__(self) -> str:
        return self.name


class CalendarDay(models.Model):
    """An exception to the national calendar, set by the administrator:
    an extra day off, or a Saturday/Sunday worked in compensation."""

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=4, choices=CalendarDayKind.choices)
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ / làm bù")
        verbose_name_plural = _("lịch làm việc")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"
