"""Choices and fixed numbers of the outreach campaign (DESIGN.md §6)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# The article's campaign trains grade-8 pupils of lower-secondary schools.
DEFAULT_GRADE = 8
# Decree 13/2023/ND-CP art. 20: from age 7 a child's own consent is needed
# besides the parent's or guardian's.
CHILD_CONSENT_AGE = 7
# Written over an erased pupil's name (the row stays so counts stay right).
# Stored data, the same whatever the language of the person erasing.
ERASED_NAME = "Đã xóa"
# How records that are never erased (the dossier event log) name a pupil
# ambassador: the account's number, nothing of the child. Stored data too.
PUPIL_PSEUDONYM = "Đại sứ số #{user_id}"


class SuccessRule(models.TextChoices):
    """When a pupil's assisted dossier counts as "completed an online public
    service" (DESIGN.md §6): its result reached within the campaign's
    school year. A campaign may ask for more (the result handed over),
    never for less: there is no rule that counts a dossier still in
    progress, withdrawn, stopped or refused."""

    # Plain words for the people who read them; the statuses and dates
    # behind each rule are in Campaign.success_q.
    RESULT = "result", _("Hồ sơ đã có kết quả giải quyết trong năm học")
    RETURNED = "returned", _("Kết quả đã được trả cho người nộp trong năm học")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Đã gửi UBND quận")
    APPROVED = "approved", _("UBND quận đã phê duyệt")


class MaterialKind(models.TextChoices):
    GUIDE = "guide", _("Tài liệu hướng dẫn")
    SLIDES = "slides", _("Bài trình chiếu")
    VIDEO = "video", _("Video")


class ConsentGiver(models.TextChoices):
    GUARDIAN = "guardian", _("Cha mẹ hoặc người giám hộ")
    PUPIL = "pupil", _("Học sinh")


class ConsentMethod(models.TextChoices):
    PAPER = "paper", _("Phiếu đồng ý bằng giấy")
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")


class ConfirmationChannel(models.TextChoices):
    SMS = "sms", _("Mã xác nhận qua tin nhắn")
    EMAIL = "email", _("Mã xác nhận qua thư điện tử")
    LOGIN = "login", _("Người nộp tự đăng nhập xác nhận")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ xử lý")
    CHECKING = "checking", _("Đang kiểm tra")
    READY = "ready", _("Đã kiểm tra, chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận, chờ lưu")
    SAVING = "saving", _("Đang lưu")
    DONE = "done", _("Đã nhập xong")
    FAILED = "failed", _("Có lỗi, chưa nhập")
    CANCELLED = "cancelled", _("Đã hủy, không nhập")


RUNNING_IMPORT_STATUSES = (
    ImportStatus.PENDING,
    ImportStatus.CHECKING,
    ImportStatus.CONFIRMED,
    ImportStatus.SAVING,
)


# Symbols of the official documents the campaign produces (Decree 30/2020,
# Appendix III: BC report, QĐ decision; then the issuer's abbreviation).
REPORT_SYMBOL = "BC-PGDĐT"
DECISION_SYMBOL = "QĐ-UBND"
