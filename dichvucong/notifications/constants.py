from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    SMS = "sms", _("Tin nhắn SMS")
    ZALO = "zalo", _("Zalo")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENDING = "sending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không được")


class RecipientRole(models.TextChoices):
    APPLICANT = "applicant", _("Người nộp")
    HELPER = "helper", _("Người hỗ trợ nộp")


# Retries: 30 s x 2^attempts after each failure (1, 2, 4 ... minutes),
# never more than an hour apart; the 8th failure is final.
MAX_ATTEMPTS = 8
RETRY_BASE = timedelta(seconds=30)
RETRY_CAP = timedelta(hours=1)
# A worker claims a message for this long. A row still 'sending' after it
# belonged to a worker that died mid-send; the drain puts it back in line.
SENDING_LEASE = timedelta(minutes=10)
# A Zalo message that cannot be handed to Zalo in this many attempts
# (network errors, Zalo's 5xx, a token it keeps refusing) goes by SMS.
ZALO_MAX_ATTEMPTS = 3
