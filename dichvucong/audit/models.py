"""The security audit trail: who did what, when, from which address.

Rows are written by audit.service.record and never edited. They hold no
password, code, token or full ID number: `detail` is for short facts (an
outcome, a dossier code, a role), never for what a person typed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dichvucong.audit.constants import Action


class AuditEntry(models.Model):
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    # The account's user name at the time (kept if the account is deleted);
    # for a failed login, a masked form of what was typed.
    actor_label = models.CharField(_("tài khoản"), max_length=150, blank=True)
    action = models.CharField(_("loại"), max_length=20, choices=Action.choices, db_index=True)
    what = models.CharField(_("nội dung"), max_length=200)
    target = models.CharField(_("đối tượng"), max_length=200, blank=True)
    address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    path = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    detail = models.JSONField(_("chi tiết"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký an ninh")
        verbose_name_plural = _("nhật ký an ninh")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["actor", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M:%S} {self.get_action_display()}: {self.what}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise PermissionError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("audit entries are append-only")
