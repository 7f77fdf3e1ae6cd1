"""Schools, the campaign, its materials and its year-end report."""

from __future__ import annotations

from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.outreach.constants import (
    DEFAULT_GRADE,
    MaterialKind,
    ReportState,
    SuccessRule,
)
from dichvucong.outreach.schoolyear import bounds, school_year_of


class School(models.Model):
    name = models.CharField(_("tên trường"), max_length=200, unique=True)
    ward = models.ForeignKey(
        "catalogue.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schools",
        verbose_name=_("phường"),
    )
    is_public = models.BooleanField(_("công lập"), default=True)
    verified = models.BooleanField(_("đã xác minh"), default=True)

    class Meta:
        verbose_name = _("trường THCS")
        verbose_name_plural = _("trường THCS")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Campaign(models.Model):
    title = models.CharField(_("tên chiến dịch"), max_length=300)
    lead_agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("cơ quan chủ trì"),
    )
    approved_by = models.CharField(_("cấp phê duyệt chủ trương"), max_length=300, blank=True)
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"))
    target_grade = models.PositiveSmallIntegerField(_("khối lớp"), default=DEFAULT_GRADE)
    schools = models.ManyToManyField(
        School, related_name="campaigns", blank=True, verbose_name=_("trường tham gia")
    )
    goals = models.TextField(_("mục tiêu"), blank=True)
    target_pupils = models.PositiveIntegerField(_("số học sinh dự kiến"), null=True, blank=True)
    success_rule = models.CharField(
        _("tiêu chí hoàn thành"),
        max_length=10,
        choices=SuccessRule.choices,
        default=SuccessRule.RESULT,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chiến dịch tuyên truyền")
        verbose_name_plural = _("chiến dịch tuyên truyền")
        ordering = ["-start_date", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    @property
    def school_year(self) -> str:
        return school_year_of(self.start_date)

    @property
    def report_state(self) -> str | None:
        """The year-end report's state (None before one is drafted); the
        report row holds it, so it is kept in one place."""
        report = getattr(self, "year_end_report", None)
        return report.state if report is not None else None

    def year_window(self) -> tuple[datetime, datetime]:
        """The campaign's school year as aware datetimes in Hà Nội time:
        [1 August, next 1 August)."""
        first, after = bounds(self.school_year)
        zone = timezone.get_default_timezone()
        return (
            datetime.combine(first, time.min, tzinfo=zone),
            datetime.combine(after, time.min, tzinfo=zone),
        )

    def _outcome(self, prefix: str) -> tuple[Q, str]:
        """The outcome the rule asks for and the date field that dates it."""
        if self.success_rule == SuccessRule.RETURNED:
            return Q(**{f"{prefix}status": 10}), f"{prefix}returned_at"
        return Q(**{f"{prefix}status__in": [9, 10]}), f"{prefix}resolved_at"

    def success_q(self, prefix: str = "") -> Q:
        """Dossiers (under `prefix`, e.g. "dossier__") that count as a
        completed online public service (DESIGN.md §6): the rule's outcome
        (result reached, or result handed over) dated within the school
        year. Withdrawn (7), stopped (8) and refused (3) dossiers never
        reach either outcome, so they never count."""
        outcome, dated = self._outcome(prefix)
        first, after = self.year_window()
        return outcome & Q(**{f"{dated}__gte": first, f"{dated}__lt": after})

    def help_q(self, prefix: str = "") -> Q:
        """Help (AssistedSubmission rows under `prefix`) confirmed within
        its ambassador's period: not before the role began, not after the
        pupil left, and within the campaign's school year. Help outside it
        is kept but never counted (Ambassador.refusal_on tells the pupil)."""
        first, after = self.year_window()
        at = f"{prefix}confirmed_at"
        ambassador = f"{prefix}ambassador__"
        return (
            Q(**{f"{at}__gte": first, f"{at}__lt": after})
            & Q(**{f"{at}__date__gte": F(f"{ambassador}since")})
            & (
                Q(**{f"{ambassador}until__isnull": True})
                | Q(**{f"{at}__date__lte": F(f"{ambassador}until")})
            )
        )

    def pending_q(self, prefix: str = "") -> Q:
        """Dossiers accepted before the year's end and still in progress
        at its end (or now, if it has not ended): shown as pending, never
        counted. Withdrawn, stopped and refused ones are neither."""
        outcome, dated = self._outcome(prefix)
        _first, after = self.year_window()
        reached = outcome & Q(**{f"{dated}__lt": after})
        return (
            Q(**{f"{prefix}received_at__lt": after})
            & ~Q(**{f"{prefix}status__in": [3, 7, 8]})
            & ~reached
        )


class Material(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="materials", verbose_name=_("chiến dịch")
    )
    title = models.CharField(_("tên tài liệu"), max_length=300)
    kind = models.CharField(_("loại"), max_length=10, choices=MaterialKind.choices)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("tài liệu tuyên truyền")
        verbose_name_plural = _("tài liệu tuyên truyền")
        ordering = ["campaign", "kind", "title"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "title"], name="unique_material_title"),
        ]

    def __str__(self) -> str:
        return self.title

    def latest_version(self) -> MaterialVersion | None:
        return self.versions.order_by("-number").first()


class MaterialVersion(models.Model):
    """One uploaded file of a material. Stored under a generated name
    outside the web root and served only by the download view."""

    material = models.ForeignKey(
        Material, on_delete=models.CASCADE, related_name="versions", verbose_name=_("tài liệu")
    )
    number = models.PositiveIntegerField(_("phiên bản"))
    file = models.FileField(_("tệp"), upload_to="outreach/materials/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=120)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    note = models.CharField(_("ghi chú thay đổi"), max_length=300, blank=True)
    uploaded_at = models.DateTimeField(_("ngày tải lên"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("phiên bản tài liệu")
        verbose_name_plural = _("phiên bản tài liệu")
        ordering = ["material", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["material", "number"], name="unique_material_version"),
        ]

    def __str__(self) -> str:
        return f"{self.material} – v{self.number}"


class YearEndReport(models.Model):
    """The campaign's year-end report: drafted and submitted by the
    education office, approved by the district. On submission the figures
    are frozen in `snapshot` so later dossier changes cannot rewrite them;
    `criteria` holds the commendation rule used."""

    campaign = models.OneToOneField(
        Campaign,
        on_delete=models.PROTECT,
        related_name="year_end_report",
        verbose_name=_("chiến dịch"),
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    snapshot = models.JSONField(default=dict, blank=True)
    criteria = models.JSONField(_("tiêu chí khen thưởng"), default=dict, blank=True)
    # What the district approved: the sha256 of the snapshot's canonical
    # JSON and its totals, so a snapshot changed afterwards is detectable.
    approved_digest = models.CharField(_("mã kiểm tra số liệu đã duyệt"), max_length=64, blank=True)
    approved_totals = models.JSONField(_("số liệu đã duyệt"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo cuối năm")
        verbose_name_plural = _("báo cáo cuối năm")

    def __str__(self) -> str:
        return f"{self.campaign} – {self.get_state_display()}"
