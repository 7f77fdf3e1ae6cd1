"""What a result says before and after it is issued.

- ResultTemplate: per procedure (by its code), the document's title, its
  symbol in the number of issue, the facts it states and its body, with
  {placeholders} filled from the dossier. Data kept by the administrator
  (Django admin) and loaded from data/result_templates.json; the template
  with an empty procedure code is the fallback for every other procedure.
- ResultDraft: one dossier's result as the specialist drafted it from the
  template; frozen once issued, when it carries its number of issue. The
  number comes from the agency's register of results for the year, kept
  by documents/ (NumberSeries, IssuedNumber "results.draft:<pk>").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.models import Dossier


class ResultTemplate(models.Model):
    procedure_code = models.CharField(
        _("mã thủ tục"),
        max_length=20,
        unique=True,
        blank=True,
        help_text=_("Để trống: mẫu chung cho các thủ tục chưa có mẫu riêng."),
    )
    title = models.CharField(_("tên văn bản"), max_length=200)
    symbol = models.CharField(
        _("ký hiệu"),
        max_length=30,
        help_text=_("Đứng sau số văn bản, ví dụ “TLKS” trong 125/TLKS."),
    )
    fields = models.JSONField(
        _("các nội dung"),
        default=list,
        blank=True,
        help_text=_(
            'Danh sách {"label": "Họ, chữ đệm và tên", "value": "{child_name}"}; '
            "{tên trường} lấy từ tờ khai của hồ sơ."
        ),
    )
    body = models.TextField(_("nội dung văn bản"), blank=True)
    signer_title = models.CharField(
        _("chức danh người ký"),
        max_length=200,
        blank=True,
        help_text=_("Mỗi dòng một dòng in. Để trống: theo loại cơ quan."),
    )

    class Meta:
        verbose_name = _("mẫu kết quả")
        verbose_name_plural = _("mẫu kết quả")
        ordering = ["procedure_code"]

    def __str__(self) -> str:
        return f"{self.procedure_code or '*'} – {self.title}"


class ResultDraft(models.Model):
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="result_draft")
    template = models.ForeignKey(
        ResultTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=200)
    symbol = models.CharField(max_length=30)
    fields = models.JSONField(default=list)  # [{"label": ..., "value": ...}]
    body = models.TextField(blank=True)
    signer_title = models.CharField(max_length=200, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Set together when the result is issued, never changed after.
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.PositiveIntegerField(null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "number"], name="unique_result_number"
            ),
        ]

    def __str__(self) -> str:
        return self.number_text or self.title

    @property
    def number_text(self) -> str:
        """ "125/TLKS", as printed after "Số:"; empty before issue."""
        return f"{self.number}/{self.symbol}" if self.number else ""
