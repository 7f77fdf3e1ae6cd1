from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.IntegerChoices):
    """Dossier statuses with the national portal's codes (DESIGN.md §4).
    DRAFT (0) is ours: a draft is not yet a dossier."""

    DRAFT = 0, _("Bản nháp")
    SUBMITTED = 1, _("Mới đăng ký")
    ACCEPTED = 2, _("Được tiếp nhận")
    REFUSED = 3, _("Không được tiếp nhận")
    PROCESSING = 4, _("Đang xử lý")
    SUPPLEMENT = 5, _("Yêu cầu bổ sung")
    AWAITING_PAYMENT = 6, _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWN = 7, _("Công dân yêu cầu rút hồ sơ")
    STOPPED = 8, _("Dừng xử lý")
    RESOLVED = 9, _("Đã xử lý xong")
    RETURNED = 10, _("Đã trả kết quả")


# Statuses in which the office holds the dossier and the deadline matters.
OPEN_STATUSES = (Status.ACCEPTED, Status.PROCESSING, Status.AWAITING_PAYMENT)
FINISHED_STATUSES = (Status.RESOLVED, Status.RETURNED)
# Ended without a result (the back office's "closed" tab; not
# CLOSED_STATUSES, where a returned result also counts).
ENDED_STATUSES = (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED)
CLOSED_STATUSES = (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED)


class EventKind(models.TextChoices):
    STATUS = "status", _("Chuyển trạng thái")
    ASSIGN = "assign", _("Phân công")
    FORWARD = "forward", _("Chuyển xử lý")
    SEND_BACK = "send_back", _("Trả lại chuyên viên")
    RESULT_DRAFT = "draft", _("Dự thảo kết quả")
    DATA = "data", _("Sửa nội dung")
    DOCUMENT = "document", _("Giấy tờ")
    APOLOGY = "apology", _("Xin lỗi, hẹn lại")
    NOTE = "note", _("Ghi chú")


class AttachmentKind(models.TextChoices):
    APPLICATION = "application", _("Thành phần hồ sơ")
    SUPPLEMENT = "supplement", _("Bổ sung")
    RESULT = "result", _("Kết quả")


class Delivery(models.TextChoices):
    COUNTER = "counter", _("Nhận tại Bộ phận Một cửa")
    ONLINE = "online", _("Nhận trực tuyến")
    POST = "post", _("Nhận qua bưu chính")


MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DOSSIER_BYTES = 50 * 1024 * 1024
SUPPLEMENT_WINDOW_WORKING_DAYS = 3

# A client's key for creating one draft (API Idempotency-Key header, or the
# web form's hidden token): visible ASCII, 1 to 100 characters.
CREATION_KEY_PATTERN = r"[\x21-\x7e]{1,100}"
