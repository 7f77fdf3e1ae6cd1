"""What an incident record holds and the deadline the law sets.

The deadline: Decree 13/2023/ND-CP art. 23 cl. 1 asked for the notice to
the Ministry of Public Security (Cục An ninh mạng và phòng, chống tội phạm
sử dụng công nghệ cao, A05) within 72 hours, on form 03 of its annex,
with the reasons when later. Decree 356/2025/ND-CP replaced Decree 13 on
01/01/2026 under Law 91/2025/QH15; their text on notices could not be
read here (README says so). Decree 13's words were "chậm nhất 72 giờ sau
khi xảy ra hành vi vi phạm" (after the violation happened); the office
counts from when the incident was found, the earliest moment it can act,
as it was asked to: a reading to confirm with the newer texts.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

NOTIFY_WITHIN = timedelta(hours=72)


class System(models.TextChoices):
    """The parts of the system an incident can touch."""

    ACCOUNTS = "accounts", _("Tài khoản người dùng")
    DOSSIERS = "dossiers", _("Hồ sơ, tờ khai và tệp đính kèm")
    PAYMENTS = "payments", _("Thanh toán và biên lai")
    OUTREACH = "outreach", _("Học sinh, đại sứ số (trẻ em)")
    NOTIFICATIONS = "notifications", _("Thông báo gửi đi (thư, SMS, Zalo)")
    APPOINTMENTS = "appointments", _("Lịch hẹn tại Bộ phận Một cửa")


class DataKind(models.TextChoices):
    IDENTITY = "identity", _("Họ tên, số định danh, ngày hoặc năm sinh")
    CONTACT = "contact", _("Số điện thoại, thư điện tử")
    ADDRESS = "address", _("Địa chỉ")
    DOCUMENTS = "documents", _("Nội dung tờ khai, giấy tờ đính kèm")
    PAYMENT = "payment", _("Thông tin thanh toán")
    MINORS = "minors", _("Dữ liệu của trẻ em (học sinh) và phụ huynh")


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Đang xử lý")
    NOTIFIED = "notified", _("Đã thông báo cơ quan chuyên trách")
    CLOSED = "closed", _("Đã kết thúc")


class EventKind(models.TextChoices):
    RECORDED = "recorded", _("Ghi nhận sự cố")
    EDITED = "edited", _("Sửa thông tin sự cố")
    LIST_DOWNLOADED = "list", _("Tải danh sách người bị ảnh hưởng")
    AUTHORITY_NOTICE = "authority", _("Tải văn bản thông báo cơ quan chuyên trách")
    AUTHORITY_NOTIFIED = "notified", _("Ghi nhận đã thông báo cơ quan chuyên trách")
    NOTICES_SENT = "notices", _("Gửi thông báo đến người bị ảnh hưởng")
    CLOSED = "closed", _("Kết thúc xử lý sự cố")
