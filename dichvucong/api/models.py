"""API keys for integrations acting for one agency."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.api.constants import KEY_DEFAULT_DAYS, KEY_PREFIX_LENGTH, KeyRole


def default_expiry() -> datetime:
    return timezone.now() + timedelta(days=KEY_DEFAULT_DAYS)


class ApiKey(models.Model):
    """A key for one agency and one role. Only the prefix (shown, to tell
    keys apart) and the SHA-256 of the whole key are stored; the key itself
    is printed once when it is made. The key acts as its own service
    account, so lifecycle checks its role and the event log names it."""

    name = models.CharField(_("tên"), max_length=150)
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.PROTECT,
        related_name="api_keys",
        verbose_name=_("cơ quan"),
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=KeyRole.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_keys",
        verbose_name=_("tài khoản dịch vụ"),
    )
    prefix = models.CharField(_("tiền tố"), max_length=KEY_PREFIX_LENGTH, unique=True)
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    # Every key dies: a forgotten integration stops by itself, and the
    # administrator issues a new one (KEY_MAX_DAYS at most).
    expires_at = models.DateTimeField(_("hết hạn lúc"), default=default_expiry)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix} – {self.name}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at


class ApplicantToken(models.Model):
    """A short-lived bearer token an applicant's program got with their
    password (POST /api/v1/auth/token), in place of the web session.
    Stored as the SHA-256 of the whole token, like a key; revocable."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    prefix = models.CharField(max_length=KEY_PREFIX_LENGTH, unique=True)
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API của người nộp")
        verbose_name_plural = _("mã truy cập API của người nộp")

    def __str__(self) -> str:
        return self.prefix
