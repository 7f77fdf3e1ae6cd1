"""The outbox: one row per message to send.

The rows are written in the transaction that changed the dossier, so a
message exists if and only if the change was committed. This table holds
contact data (e-mail addresses, phone numbers) by necessity: only
superusers see it in the admin, masked, and no log line ever carries it.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.notifications.constants import Channel, MessageStatus


class OutboxMessage(models.Model):
    channel = models.CharField(_("kênh"), max_length=5, choices=Channel.choices)
    recipient = models.CharField(_("người nhận"), max_length=254)
    subject = models.CharField(_("tiêu đề"), max_length=200, blank=True)
    body = models.TextField(_("nội dung"))
    # "<event id>:<channel>:<role>": one event gives at most one message per
    # channel per recipient role, however often the receiver runs.
    dedupe_key = models.CharField(max_length=100, unique=True)
    status = models.CharField(
        _("trạng thái"), max_length=7, choices=MessageStatus.choices, default=MessageStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    # When the drain should next look at the row: the retry time while
    # pending, the end of the worker's lease while sending.
    next_attempt_at = models.DateTimeField(_("lần thử tiếp theo"), default=timezone.now)
    # Exception type and a scrubbed message: never an address or a number.
    last_error = models.CharField(_("lỗi gần nhất"), max_length=300, blank=True)
    # Zalo messages: the fields the template's parameters are filled from
    # (notifications/zalo.py), the status as the template's kind, and why
    # Zalo gave up when the message went by SMS instead (an error code, or
    # a scrubbed exception: never the number).
    template_kind = models.CharField(max_length=30, blank=True)
    template_fields = models.JSONField(default=dict, blank=True)
    zalo_error = models.CharField(_("lỗi Zalo"), max_length=300, blank=True)
    delivered_by = models.CharField(
        _("đã gửi qua"), max_length=5, choices=Channel.choices, blank=True
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outbox_messages",
        verbose_name=_("hồ sơ"),
    )

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("hộp thư đi")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.channel} {self.status}"


class ZaloToken(models.Model):
    """The OA's tokens, one row shared by every worker. Zalo's refresh
    token is single-use: whoever refreshes locks this row, spends it and
    stores the new pair before anyone else may read it (zalo.refresh)."""

    access_token = models.TextField(blank=True)
    refresh_token = models.TextField()
    # The ZALO_OA_REFRESH_TOKEN the row started from: a new value in the
    # environment (the OA authorised again) starts the row over.
    seeded_from = models.TextField()
    refreshed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khoá Zalo OA")
        verbose_name_plural = _("khoá Zalo OA")
