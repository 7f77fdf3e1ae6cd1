"""One row per run of apply_retention: when, whether it was a dry run,
and how many items of each kind went. Counts only, never contents."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRun(models.Model):
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    dry_run = models.BooleanField(_("chạy thử"), default=False)
    # {"<kind>": <count>}: numbers only.
    counts = models.JSONField(_("số lượng"), default=dict)

    class Meta:
        verbose_name = _("lần áp dụng thời hạn lưu giữ")
        verbose_name_plural = _("các lần áp dụng thời hạn lưu giữ")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {sum(self.counts.values())}"
