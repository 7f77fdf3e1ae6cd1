"""The register of document numbers (sổ đăng ký văn bản đi): per issuing
agency, kind and year, numbers run from 01 with no gap and no repeat
(Decree 30/2020/NĐ-CP, art. 15: a number is unique within the year).

`NumberSeries` holds the last number given; `IssuedNumber` says what each
number was given to, so asking again for the same thing returns its
number instead of taking a new one."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NumberSeries(models.Model):
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.PROTECT,
        related_name="number_series",
        verbose_name=_("cơ quan ban hành"),
    )
    # The symbol the numbers are printed with ("BC-PGDĐT", "QĐ-UBND"); an
    # agency that numbers every kind in one series passes one symbol.
    kind = models.CharField(_("loại văn bản (ký hiệu)"), max_length=40)
    year = models.PositiveSmallIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "year"], name="documents_one_series_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.kind} {self.year}"


class IssuedNumber(models.Model):
    series = models.ForeignKey(
        NumberSeries, on_delete=models.PROTECT, related_name="numbers", verbose_name=_("sổ")
    )
    number = models.PositiveIntegerField(_("số"))
    # What was numbered, e.g. "outreach.year-end-report:12"; never personal.
    reference = models.CharField(_("văn bản"), max_length=120, unique=True)
    issued_at = models.DateTimeField(_("thời điểm cấp số"), default=timezone.now)

    class Meta:
        verbose_name = _("số văn bản đã cấp")
        verbose_name_plural = _("số văn bản đã cấp")
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="documents_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.number:02d}/{self.series.kind}"
