"""Training sessions and who attended them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingSession(models.Model):
    campaign = models.ForeignKey(
        "outreach.Campaign",
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("chiến dịch"),
    )
    school = models.ForeignKey(
        "outreach.School",
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("trường"),
    )
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    place = models.CharField(_("địa điểm"), max_length=200)
    presenters = models.TextField(_("báo cáo viên"), blank=True)
    classes = models.ManyToManyField(
        "outreach.SchoolClass", related_name="sessions", verbose_name=_("lớp tham dự")
    )
    materials = models.ManyToManyField(
        "outreach.MaterialVersion",
        related_name="sessions",
        blank=True,
        verbose_name=_("tài liệu sử dụng"),
    )

    class Meta:
        verbose_name = _("buổi tuyên truyền")
        verbose_name_plural = _("buổi tuyên truyền")
        ordering = ["starts_at", "school"]

    def __str__(self) -> str:
        return f"{self.school} – {self.starts_at:%d/%m/%Y}"


class Attendance(models.Model):
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("buổi")
    )
    # PROTECT: pupils are erased, not deleted, so the count of those trained
    # does not change when a family asks for erasure.
    pupil = models.ForeignKey(
        "outreach.Pupil",
        on_delete=models.PROTECT,
        related_name="attendance",
        verbose_name=_("học sinh"),
    )
    present = models.BooleanField(_("có mặt"), default=False)

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        constraints = [
            models.UniqueConstraint(fields=["session", "pupil"], name="unique_attendance"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.pupil_id}: {self.present}"
