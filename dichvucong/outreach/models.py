"""The outreach campaign (DESIGN.md §6). The school register comes first
because staff roles and demo data need it; the rest follows with its issue."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class School(models.Model):
    name = models.CharField(_("tên trường"), max_length=200, unique=True)
    ward = models.ForeignKey("catalogue.AdminUnit", on_delete=models.PROTECT, null=True,
                             blank=True, related_name="schools", verbose_name=_("phường"))
    is_public = models.BooleanField(_("công lập"), default=True)
    verified = models.BooleanField(_("đã xác minh"), default=True)

    class Meta:
        verbose_name = _("trường THCS")
        verbose_name_plural = _("trường THCS")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
