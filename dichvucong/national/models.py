"""The national portal's outbox: one row per tracked dossier event.

Written in the transaction that records the event (service.py), so a row
exists if and only if the event does: nothing is lost. `data` is the
dossier as the portal must see it at that event (codes, status, dates),
frozen then: a row sent late still tells what happened at its moment, and
a dossier's rows go out one at a time in the order of its events
(sending.py).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.national.constants import MessageStatus, TrackedKind


class NationalMessage(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.PROTECT,
        related_name="national_messages",
        verbose_name=_("hồ sơ"),
    )
    # One message per event, however often the receiver runs.
    event = models.OneToOneField(
        "dossiers.Event", on_delete=models.PROTECT, related_name="national_message"
    )
    # The event's number in the dossier's log: the order of sending.
    event_seq = models.PositiveIntegerField(_("sự kiện số"))
    kind = models.CharField(_("sự kiện"), max_length=12, choices=TrackedKind.choices)
    status_code = models.CharField(_("mã trạng thái quốc gia"), max_length=3)
    # "<dossier code>:<event seq>", sent with the message: the same message
    # sent again carries the same id.
    message_id = models.CharField(_("mã thông điệp"), max_length=80, unique=True)
    # isUpdating: false only for the first message of a dossier.
    is_update = models.BooleanField(default=True)
    data = models.JSONField(_("dữ liệu gửi"), default=dict)
    status = models.CharField(
        _("trạng thái gửi"),
        max_length=8,
        choices=MessageStatus.choices,
        default=MessageStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(_("số lần thử"), default=0)
    # The retry time while pending, the end of the worker's lease while sending.
    next_attempt_at = models.DateTimeField(_("lần thử tiếp theo"), default=timezone.now)
    # What went wrong last: an exception type, an HTTP status or the
    # portal's error_code and message. Never credentials.
    last_error = models.CharField(_("lỗi gần nhất"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông điệp gửi Cổng DVCQG")
        verbose_name_plural = _("đồng bộ Cổng DVCQG")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="national_due"),
            models.Index(fields=["dossier", "event_seq"], name="national_dossier_order"),
        ]

    def __str__(self) -> str:
        return self.message_id
