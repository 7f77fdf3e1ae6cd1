"""The kinds of personal data that expire (issue 16, point 3).

Submitted dossiers, their results and their event log are not here: they
are kept under the archives rules, never by this app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    DRAFTS = "drafts", _("Bản nháp chưa nộp và tệp của chúng")
    ENDED_FILES = "ended_files", _("Tệp của hồ sơ không được tiếp nhận hoặc đã rút")
    CODES = "codes", _("Mã xác thực dùng một lần")
    SESSIONS = "sessions", _("Phiên đăng nhập đã hết hạn")
    NOTIFICATION_BODIES = "notification_bodies", _("Nội dung và người nhận của thông báo đã gửi")
    ACCESS_LOG = "access_log", _("Nhật ký an ninh (truy cập)")
    PRACTICE = "practice", _("Hồ sơ thực hành")


# Rows handled per transaction: each batch locks few rows, briefly.
BATCH_SIZE = 500
