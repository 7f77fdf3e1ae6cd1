"""The data subject's requests and the periods the law gives to answer them.

Sources (read 07/12/2026 through secondary summaries; the official texts
themselves were not read, so every period below is marked):

- Law on Personal Data Protection No. 91/2025/QH15 (in force 01/01/2026),
  art. 4: the subject may know of the processing, see, correct or ask to
  correct, ask for a copy, deletion, restriction, and object
  (thuvienphapluat.vn, "06 quyền của chủ thể dữ liệu ..."); art. 14 and 16:
  deletion, except where another law keeps the data, with notice of why
  not (nghean24h.vn, 24h.com.vn). The Law leaves the periods to the
  Government.
- Decree 356/2025/NĐ-CP (31/12/2025, in force 01/01/2026, replacing Decree
  13/2023/NĐ-CP): the controller answers a request within 2 working days
  of receiving it and tells the subject the steps (frasersvn.com, "Chương
  mới của bảo vệ dữ liệu cá nhân", 19/01/2026). UNVERIFIED against the
  Decree's text; the Decree's periods for carrying out each right were not
  found in what could be read.
- Decree 13/2023/NĐ-CP (replaced): requests carried out within 72 hours of
  receipt (same source, describing the old rule).

What the system does with that: filing a request sends the receipt and the
steps at once (the 2-working-day answer of Decree 356 is met on filing),
and the office must carry the request out within ANSWER_PERIOD_HOURS, the
old 72 hours, kept as the strictest period known until Decree 356's own
periods are read. Change them here only.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    CORRECTION = "correction", _("Chỉnh sửa dữ liệu")
    DELETION = "deletion", _("Xoá dữ liệu")
    RESTRICTION = "restriction", _("Hạn chế xử lý dữ liệu")
    OBJECTION = "objection", _("Phản đối xử lý dữ liệu")
    WITHDRAW_CONSENT = "withdraw", _("Rút lại sự đồng ý")
    COPY = "copy", _("Cung cấp dữ liệu")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Đang chờ trả lời")
    GRANTED = "granted", _("Đã đáp ứng")
    PARTLY = "partly", _("Đáp ứng một phần")
    REFUSED = "refused", _("Không đáp ứng")


ANSWERS = (RequestStatus.GRANTED, RequestStatus.PARTLY, RequestStatus.REFUSED)


class StepKind(models.TextChoices):
    FILED = "filed", _("Tiếp nhận yêu cầu")
    ANSWERED = "answered", _("Trả lời yêu cầu")
    PSEUDONYMISED = "pseudonymised", _("Xoá thông tin tài khoản")
    PUPIL_ERASED = "pupil_erased", _("Xoá dữ liệu học sinh")


# Decree 356/2025 (UNVERIFIED, see above): the first answer, in working days.
ACKNOWLEDGE_WORKING_DAYS = 2
# Decree 13/2023 art. 14-16 as summarised (replaced; UNVERIFIED under Decree
# 356): hours to carry the request out, per kind.
ANSWER_PERIOD_HOURS: dict[str, int] = {kind.value: 72 for kind in RequestKind}

# What an account becomes once its data is deleted on request.
PSEUDONYM = "Người dùng đã xoá #{user_id}"
PSEUDONYM_USERNAME = "da-xoa.tk.{user_id}"

# What the law or the archives rules keep, told to everyone who asks to delete.
KEPT_BY_LAW = _(
    "Những gì pháp luật buộc cơ quan giữ lại sẽ không bị xoá: hồ sơ đã nộp (kể cả họ tên, "
    "số định danh và giấy tờ trong hồ sơ), kết quả giải quyết, biên lai và nhật ký xử lý "
    "hồ sơ (nhật ký được khoá bằng chuỗi mã, không sửa được). Đó là tài liệu lưu trữ theo "
    "Luật Lưu trữ và quy định về thủ tục hành chính; chúng được giữ đủ thời hạn lưu trữ rồi "
    "mới huỷ. Những gì chỉ phục vụ tài khoản (tên đăng nhập, số điện thoại, thư điện tử, "
    "địa chỉ, ngày sinh, bản nháp chưa nộp, liên kết VNeID) sẽ được xoá và tài khoản khoá lại."
)
