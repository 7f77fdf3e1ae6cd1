"""A data subject's request (Law 91/2025/QH15, art. 4) and the steps taken
on it. The subject is an account, or a pupil (minors have no account of
their own here: the school files on the guardian's behalf)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.rights.constants import RequestKind, RequestStatus, StepKind


class RightsRequest(models.Model):
    kind = models.CharField(_("loại yêu cầu"), max_length=12, choices=RequestKind.choices)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rights_requests",
        verbose_name=_("tài khoản"),
    )
    pupil = models.ForeignKey(
        "outreach.Pupil",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rights_requests",
        verbose_name=_("học sinh"),
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người gửi"),
    )
    # For a pupil: who asked, as the school wrote it ("Mẹ, qua giáo viên").
    on_behalf_of = models.CharField(_("thay mặt"), max_length=150, blank=True)
    details = models.TextField(_("nội dung yêu cầu"))
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=RequestStatus.choices,
        default=RequestStatus.RECEIVED,
        db_index=True,
    )
    received_at = models.DateTimeField(_("nhận lúc"), default=timezone.now)
    due_at = models.DateTimeField(_("hạn trả lời"))
    answer = models.TextField(_("trả lời"), blank=True)
    reasons = models.TextField(_("lý do, căn cứ"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người trả lời"),
    )
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu về dữ liệu cá nhân")
        verbose_name_plural = _("yêu cầu về dữ liệu cá nhân")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(account__isnull=False, pupil__isnull=True)
                | models.Q(account__isnull=True, pupil__isnull=False),
                name="rights_request_has_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.RECEIVED

    @property
    def is_overdue(self) -> bool:
        return self.is_open and timezone.now() > self.due_at


class RightsStep(models.Model):
    """One step taken on a request: who and when, and a short note of what
    (never the personal data itself). Rows are only ever added."""

    request = models.ForeignKey(RightsRequest, on_delete=models.PROTECT, related_name="steps")
    kind = models.CharField(max_length=14, choices=StepKind.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"#{self.request_id} {self.kind}"


class DossierRead(models.Model):
    """An officer opened a dossier's page in the back office, at most one
    row per officer, dossier and day: what "who at the office viewed my
    dossier" is answered from (the audit trail records actions, not reads).
    Written with one INSERT that ignores the day's duplicate."""

    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    first_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "actor", "day"], name="one_dossier_read_per_officer_and_day"
            ),
        ]
