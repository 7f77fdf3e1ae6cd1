"""Master data: the administrative tree, agencies, fields, procedures and
the office calendar's exceptions."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import PROCEDURE_MINIMUM_CHOICES, AssuranceLevel
from dichvucong.catalogue.constants import (
    UNIT_LEVEL_ORDER,
    AgencyKind,
    CalendarDayKind,
    HandlingLevel,
    OnlineLevel,
    SuccessionKind,
    UnitLevel,
)
from dichvucong.lib.text import fold


class ValidityQuerySet(models.QuerySet):  # type: ignore[type-arg]
    """Rows with a validity period: an empty bound is open, so rows
    without dates are valid on every day."""

    def valid_on(self, day: date) -> ValidityQuerySet:
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


class ValidityPeriod(models.Model):
    """The days on which a unit, agency or rule exists: `valid_to` is its
    last day (30/06/2025 for the wards and districts the 2025
    reorganisation ended), `valid_from` its first."""

    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến hết ngày"), null=True, blank=True)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def clean_validity(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực trước ngày có hiệu lực.")})


def validity_constraint(model: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(valid_from__isnull=True) | Q(valid_to__isnull=True)
        | Q(valid_to__gte=models.F("valid_from")),
        name=f"{model}_valid_to_after_valid_from",
    )


class AdminUnit(ValidityPeriod):
    """A node of the administrative tree: city, district, ward or
    residential group. Which levels exist is data, not code; so is when:
    a unit ended by a reorganisation keeps its rows and gets a `valid_to`,
    and `UnitSuccession` says where its territory went."""

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
            validity_constraint("adminunit"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.clean_validity()
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


class Agency(ValidityPeriod):
    """A government body that receives or handles dossiers. Its unit code
    (Circular 01/2018 art. 19) is the prefix of every dossier code it issues.
    An agency dissolved by a reorganisation keeps its row (its dossiers and
    codes still point at it) and gets a `valid_to`."""

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
        constraints = [validity_constraint("agency")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.clean_validity()


class UnitSuccession(models.Model):
    """Where (part of) a unit went on a reorganisation: merged whole into
    its successor, or split, one row per successor, each with the
    residential groups of the predecessor that went there. A merged row
    has no groups: all of them went."""

    predecessor = models.ForeignKey(
        AdminUnit, on_delete=models.PROTECT, related_name="successions",
        verbose_name=_("đơn vị cũ"),
    )
    successor = models.ForeignKey(
        AdminUnit, on_delete=models.PROTECT, related_name="predecessions",
        verbose_name=_("đơn vị mới"),
    )
    effective_date = models.DateField(_("ngày có hiệu lực"))
    kind = models.CharField(_("hình thức"), max_length=10, choices=SuccessionKind.choices)
    groups = models.ManyToManyField(
        AdminUnit, through="SucceedingGroup", blank=True, related_name="+",
        verbose_name=_("tổ dân phố chuyển sang"),
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("đơn vị kế thừa")
        verbose_name_plural = _("đơn vị kế thừa")
        ordering = ["effective_date", "predecessor__code", "successor__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor", "effective_date"],
                name="unique_succession",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_date:%d/%m/%Y})"


class SucceedingGroup(models.Model):
    """A residential group that went to the successor of a split ward. A
    group goes to one place on a given day: the date is repeated here so
    the database can refuse a second."""

    succession = models.ForeignKey(UnitSuccession, on_delete=models.CASCADE,
                                   related_name="group_rows")
    group = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="+")
    effective_date = models.DateField(editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "effective_date"],
                                    name="a_group_goes_to_one_successor"),
        ]

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.effective_date = self.succession.effective_date
        super().save(*args, **kwargs)


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

    def level_today_display(self) -> str:
        """The handling level of `catalogue.services.active_procedures`'s
        day (its `level_on_day`), else its own."""
        return str(HandlingLevel(getattr(self, "level_on_day", self.handling_level)).label)

    @property
    def accepts_online_submission(self) -> bool:
        return self.online_level >= OnlineLevel.PARTIAL


class ProcedureHandling(ValidityPeriod):
    """Who handles a procedure over a period, for procedures whose handling
    changed (district procedures went to the wards on 01/07/2025). A
    procedure without rows is handled as its own `handling_level` and
    `agency` say, on every day."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="handlings",
                                  verbose_name=_("thủ tục"))
    handling_level = models.CharField(_("cấp thực hiện"), max_length=10,
                                      choices=HandlingLevel.choices)
    # Empty for ward procedures: the committee of the applicant's ward.
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="handlings", verbose_name=_("cơ quan thực hiện"))
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("thẩm quyền giải quyết theo thời gian")
        verbose_name_plural = _("thẩm quyền giải quyết theo thời gian")
        ordering = ["procedure", "valid_from"]
        constraints = [validity_constraint("procedurehandling")]

    def __str__(self) -> str:
        return f"{self.procedure.code}: {self.get_handling_level_display()}"

    def clean(self) -> None:
        self.clean_validity()
        if self.handling_level != HandlingLevel.WARD and self.agency is None:
            raise ValidationError({"agency": _("Thủ tục cấp quận phải có cơ quan thực hiện.")})


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
