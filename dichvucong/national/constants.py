"""The national portal's codes and our outbox's states, in one place.

Which of our events the portal is told of, and with which status code
(TrangThaiHoSo), is the table below: correct a code here and nothing else
changes. README.md ("Status sync with the national portal") lists the
same table with what was and was not verified against published sources.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from dichvucong.dossiers.constants import Status


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENDING = "sending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    # The portal answered "no" to this message: sending it again unchanged
    # would not help. It waits, and holds back its dossier's later
    # messages, until an administrator sends it again.
    REFUSED = "refused", _("Bị Cổng từ chối")


class TrackedKind(models.TextChoices):
    """The dossier events the national portal tracks."""

    RECEIVED = "received", _("Tiếp nhận trực tuyến (mới đăng ký)")
    ACCEPTED = "accepted", _("Được tiếp nhận")
    REFUSED = "refused", _("Không được tiếp nhận")
    PROCESSING = "processing", _("Đang xử lý")
    SUPPLEMENT_REQUESTED = "supplement", _("Yêu cầu bổ sung")
    SUPPLEMENT_RECEIVED = "supplied", _("Đã nhận hồ sơ bổ sung")
    AWAITING_PAYMENT = "payment", _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWN = "withdrawn", _("Công dân rút hồ sơ")
    STOPPED = "stopped", _("Dừng xử lý")
    RESOLVED = "resolved", _("Đã xử lý xong")
    RETURNED = "returned", _("Đã trả kết quả")
    APOLOGY = "apology", _("Xin lỗi và hẹn lại ngày trả")
    TRANSFERRED = "transfer", _("Chuyển cơ quan do sắp xếp đơn vị hành chính")


# TrangThaiHoSo: the portal's dossier status codes. Ours are the same
# numbers (DESIGN.md §4), kept apart so either side can change.
NATIONAL_STATUS: dict[int, str] = {
    Status.SUBMITTED: "1",
    Status.ACCEPTED: "2",
    Status.REFUSED: "3",
    Status.PROCESSING: "4",
    Status.SUPPLEMENT: "5",
    Status.AWAITING_PAYMENT: "6",
    Status.WITHDRAWN: "7",
    Status.STOPPED: "8",
    Status.RESOLVED: "9",
    Status.RETURNED: "10",
}

# A status change is tracked as the kind of the status it reaches ...
KIND_OF_STATUS: dict[int, TrackedKind] = {
    Status.SUBMITTED: TrackedKind.RECEIVED,
    Status.ACCEPTED: TrackedKind.ACCEPTED,
    Status.REFUSED: TrackedKind.REFUSED,
    Status.PROCESSING: TrackedKind.PROCESSING,
    Status.SUPPLEMENT: TrackedKind.SUPPLEMENT_REQUESTED,
    Status.AWAITING_PAYMENT: TrackedKind.AWAITING_PAYMENT,
    Status.WITHDRAWN: TrackedKind.WITHDRAWN,
    Status.STOPPED: TrackedKind.STOPPED,
    Status.RESOLVED: TrackedKind.RESOLVED,
    Status.RETURNED: TrackedKind.RETURNED,
}
# ... except the return from a supplement (5 -> 1 or 4), which the
# portal sees as the status it returns to, with the deadline restarted.

# GhiChu: a fixed line per kind, never the officer's own words (which may
# name people); the citizen reads the reasons on our slips.
NOTES: dict[str, str] = {
    TrackedKind.RECEIVED: "Hồ sơ nộp trực tuyến, chờ tiếp nhận",
    TrackedKind.ACCEPTED: "Đã tiếp nhận, cấp giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)",
    TrackedKind.REFUSED: "Từ chối tiếp nhận (Mẫu 03)",
    TrackedKind.PROCESSING: "Đang giải quyết",
    TrackedKind.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)",
    TrackedKind.SUPPLEMENT_RECEIVED: "Đã nhận hồ sơ bổ sung, thời hạn giải quyết tính lại",
    TrackedKind.AWAITING_PAYMENT: "Chờ nộp phí, lệ phí",
    TrackedKind.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    TrackedKind.STOPPED: "Dừng giải quyết",
    TrackedKind.RESOLVED: "Đã có kết quả giải quyết",
    TrackedKind.RETURNED: "Đã trả kết quả",
    TrackedKind.APOLOGY: "Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)",
    TrackedKind.TRANSFERRED: "Chuyển cơ quan giải quyết do sắp xếp đơn vị hành chính",
}

# The protocol (national/client.py): the service that creates or updates
# a dossier on the portal, and its date format (Asia/Ho_Chi_Minh).
SYNC_SERVICE = "DongBoHoSoMC"
DATE_FORMAT = "%Y%m%d%H%M%S"
# NgayHenTra is a day; the portal's field is a moment: the end of office hours.
DUE_TIME = "170000"
# KenhThucHien: 2 = online (every dossier here is submitted online).
CHANNEL_ONLINE = "2"
# LoaiDoiTuong: 1 citizen, 2 organisation.
APPLICANT_CITIZEN = "1"
APPLICANT_ORGANISATION = "2"
# HinhThuc (how the result is returned): 0 at the counter or online, 1 by post.
RESULT_AT_OFFICE = "0"
RESULT_BY_POST = "1"
# Our header carrying the message's stable id, so the portal (our
# stand-in does) can recognise a message sent twice.
MESSAGE_ID_HEADER = "Idempotency-Key"
# error_code values meaning "done"; and those meaning "log in again".
SUCCESS_CODES = frozenset({"0", "00"})
SESSION_ERROR_CODES = frozenset({"401"})

# Retries: 30 s x 2^(attempts - 1) after each failure of a reachable
# portal or a down one, at most an hour apart, for as long as it takes:
# a message is never dropped.
RETRY_BASE = timedelta(seconds=30)
RETRY_CAP = timedelta(hours=1)
# A worker holds a message this long; still "sending" after it, its worker
# died mid-send and the drain puts it back in line (and sends it again
# under the same id, which the portal recognises).
SENDING_LEASE = timedelta(minutes=5)
TIMEOUT_SECONDS = 20
