"""Which version of which notice was shown to whom: with the account at
registration, with the dossier at submission, with a pupil's consent.
The text of each version is kept once, so a version can be read back."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dichvucong.privacy.constants import NoticeKind


class NoticeText(models.Model):
    notice = models.CharField(_("thông báo"), max_length=20, choices=NoticeKind.choices)
    version = models.CharField(_("phiên bản"), max_length=12)
    body = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(_("hiển thị lần đầu"), auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản thông báo")
        verbose_name_plural = _("phiên bản thông báo")
        constraints = [
            models.UniqueConstraint(fields=["notice", "version"], name="notice_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_notice_display()} {self.version}"


class NoticeAcknowledgement(models.Model):
    text = models.ForeignKey(
        NoticeText, on_delete=models.PROTECT, related_name="+", verbose_name=_("thông báo")
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tài khoản"),
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hồ sơ"),
    )
    consent = models.ForeignKey(
        "outreach.Consent",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ý kiến đồng ý"),
    )
    at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("thông báo đã hiển thị")
        verbose_name_plural = _("thông báo đã hiển thị")
        constraints = [
            models.CheckConstraint(
                condition=Q(account__isnull=False)
                | Q(dossier__isnull=False)
                | Q(consent__isnull=False),
                name="notice_shown_to_someone",
            )
        ]
