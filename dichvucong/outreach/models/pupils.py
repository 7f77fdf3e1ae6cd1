"""Classes, pupils, their guardians and consents, roster imports.

Pupils are minors: we keep the minimum DESIGN.md §6 allows (name, class,
year of birth, link to a guardian) and nothing else: no ID number, address
or birthday. Rows are never deleted once used; erasure overwrites them
(services.erase_pupil), which is why references to a pupil PROTECT."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from dichvucong.outreach.constants import (
    DEFAULT_GRADE,
    ConsentGiver,
    ConsentMethod,
    ImportStatus,
)
from dichvucong.outreach.schoolyear import SCHOOL_YEAR_RE

school_year_validator = RegexValidator(SCHOOL_YEAR_RE, _("Năm học viết dạng 2016-2017."))


class SchoolClass(models.Model):
    school = models.ForeignKey(
        "outreach.School",
        on_delete=models.PROTECT,
        related_name="classes",
        verbose_name=_("trường"),
    )
    name = models.CharField(_("tên lớp"), max_length=20)
    school_year = models.CharField(_("năm học"), max_length=9, validators=[school_year_validator])
    grade = models.PositiveSmallIntegerField(_("khối"), default=DEFAULT_GRADE)

    class Meta:
        verbose_name = _("lớp")
        verbose_name_plural = _("lớp")
        ordering = ["school", "-school_year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year", "name"], name="unique_class_per_school_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year})"


class Guardian(models.Model):
    """A parent or guardian: who gives consent and whom to call."""

    full_name = models.CharField(_("họ tên phụ huynh"), max_length=150)
    phone = models.CharField(_("số điện thoại phụ huynh"), max_length=10)

    class Meta:
        verbose_name = _("phụ huynh")
        verbose_name_plural = _("phụ huynh")

    def __str__(self) -> str:
        return self.full_name


class Pupil(models.Model):
    school_class = models.ForeignKey(
        SchoolClass, on_delete=models.PROTECT, related_name="pupils", verbose_name=_("lớp")
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    # The pupil's code in the education database (mã định danh học sinh),
    # the same in every class and school: what tells a transferred pupil
    # from a new one. Optional, as rosters without it still import.
    pupil_code = models.CharField(_("mã học sinh"), max_length=20, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    guardian = models.ForeignKey(
        Guardian,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pupils",
        verbose_name=_("phụ huynh"),
    )
    # The residential group the pupil helps as an ambassador (DESIGN.md §6).
    ambassador_group = models.ForeignKey(
        "catalogue.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"level": "group"},
        verbose_name=_("tổ dân phố"),
    )
    erased_at = models.DateTimeField(_("đã xóa theo yêu cầu lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("học sinh")
        verbose_name_plural = _("học sinh")
        ordering = ["school_class", "full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["pupil_code"],
                condition=~models.Q(pupil_code=""),
                name="one_pupil_per_pupil_code",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class Consent(models.Model):
    """One consent given or withdrawn. A later record about the same giver
    supersedes an earlier one, so history is kept and withdrawal is a row."""

    pupil = models.ForeignKey(
        Pupil, on_delete=models.CASCADE, related_name="consents", verbose_name=_("học sinh")
    )
    giver = models.CharField(_("người đồng ý"), max_length=10, choices=ConsentGiver.choices)
    given = models.BooleanField(_("đồng ý"), default=True)
    method = models.CharField(_("hình thức"), max_length=10, choices=ConsentMethod.choices)
    recorded_at = models.DateTimeField(_("ghi nhận lúc"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi nhận"),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ý kiến đồng ý")
        verbose_name_plural = _("ý kiến đồng ý")
        ordering = ["pupil", "-recorded_at", "-pk"]
        indexes = [models.Index(fields=["pupil", "giver", "recorded_at"])]

    def __str__(self) -> str:
        return f"{self.get_giver_display()}: {self.given}"


class PupilErasure(models.Model):
    """Who erased a pupil's data and when; deliberately nothing of what
    was erased."""

    pupil = models.OneToOneField(Pupil, on_delete=models.PROTECT, related_name="erasure")
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    erased_at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("lần xóa dữ liệu học sinh")
        verbose_name_plural = _("nhật ký xóa dữ liệu học sinh")

    def __str__(self) -> str:
        return f"#{self.pupil_id} {self.erased_at:%d/%m/%Y}"


class RosterImport(models.Model):
    """An uploaded class roster and the progress of its import. The file is
    deleted once processed: it holds pupils' names, and the pupil rows are
    the record."""

    file = models.FileField(upload_to="outreach/rosters/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=120, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người tải lên"),
    )
    # A coordinator's import writes to their school only; the education
    # office imports for the schools of one campaign.
    school = models.ForeignKey(
        "outreach.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trường"),
    )
    campaign = models.ForeignKey(
        "outreach.Campaign",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chiến dịch"),
    )
    school_year = models.CharField(_("năm học"), max_length=9, validators=[school_year_validator])
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    valid = models.PositiveIntegerField(default=0)  # good lines, shown in the preview
    groups_set = models.PositiveIntegerField(default=0)
    groups_held = models.PositiveIntegerField(default=0)  # a group given, consent missing
    errors = models.JSONField(default=list, blank=True)
    # Pupils the file names who are already known in another class
    # (roster.identity): shown in the preview before anything is saved.
    notices = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập danh sách")
        verbose_name_plural = _("lần nhập danh sách")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.created_at:%d/%m/%Y})"
