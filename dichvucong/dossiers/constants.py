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
    # Handed to the successor of an agency ended by a reorganisation
    # (dossiers/reorganise.py); the status and deadline stay.
    TRANSFER = "transfer", _("Chuyển cơ quan do sắp xếp đơn vị hành chính")


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
# The supplement window, the apology rule and the slips' numbers depend on
# the dossier's date: dossiers/rules.py.

# A client's key for creating one draft (API Idempotency-Key header, or the
# web form's hidden token): visible ASCII, 1 to 100 characters.
CREATION_KEY_PATTERN = r"[\x21-\x7e]{1,100}"


class Refusal(models.TextChoices):
    """Why an operation on a dossier was refused: the stable machine code
    each TransitionError carries (the API answers it as `code`, beside the
    Vietnamese message). Raised where the rule lives, never read back from
    a message."""

    REFUSED = "transition_refused", _("Thao tác bị từ chối (không có mã riêng)")
    WRONG_STATUS = "wrong_status", _("Hồ sơ không ở trạng thái cho phép thao tác này")
    NOT_PERMITTED = "not_permitted", _("Người thực hiện không có vai trò cần thiết tại cơ quan")
    NOT_APPLICANT = "not_applicant", _("Chỉ người nộp hồ sơ được thực hiện")
    NOT_ASSIGNED = "not_assigned", _("Chỉ chuyên viên được phân công được thực hiện")
    NOT_A_SPECIALIST = "not_a_specialist", _("Người được phân công không là chuyên viên")
    REASON_REQUIRED = "reason_required", _("Thiếu lý do hoặc ý kiến")
    CHANGED_MEANWHILE = "changed_meanwhile", _("Hồ sơ vừa được người khác cập nhật")
    EXEMPTION_UNCONFIRMED = "exemption_unconfirmed", _("Chưa xác nhận miễn, giảm lệ phí")
    INVALID_FEE = "invalid_fee", _("Số tiền lệ phí không hợp lệ")
    FEE_UNKNOWN = "fee_unknown", _("Thủ tục chưa có mức lệ phí: cần nhập số tiền")
    FEE_ALREADY_PAID = "fee_already_paid", _("Lệ phí đã được nộp")
    FEE_NOT_DUE = "fee_not_due", _("Hồ sơ không ở trạng thái chờ nộp phí, lệ phí")
    MISSING_LIST_EMPTY = "missing_list_empty", _("Chưa liệt kê giấy tờ cần bổ sung")
    SUPPLEMENT_ALREADY_REQUESTED = (
        "supplement_already_requested",
        _("Đã yêu cầu bổ sung một lần ở bước này"),
    )
    SUPPLEMENT_WINDOW_CLOSED = (
        "supplement_window_closed",
        _("Quá 3 ngày làm việc kể từ khi tiếp nhận"),
    )
    SUPPLEMENT_NOT_UPLOADED = "supplement_not_uploaded", _("Chưa tải lên giấy tờ bổ sung")
    ALREADY_FORWARDED = "already_forwarded", _("Hồ sơ đã trình lãnh đạo")
    NOT_FORWARDED = "not_forwarded", _("Hồ sơ chưa được trình lãnh đạo")
    MISSING_RESULT = "missing_result", _("Chưa soạn và lưu dự thảo kết quả")
    NOT_HOLDER = "not_holder", _("Chỉ chuyên viên đang giữ hồ sơ được soạn dự thảo")
    TEMPLATE_CHANGED = "template_changed", _("Mẫu kết quả vừa thay đổi")
    TRACKING_NUMBER_REQUIRED = "tracking_number_required", _("Thiếu mã bưu gửi")
    ALREADY_APOLOGISED = "already_apologised", _("Đã hẹn lại một lần")
    APOLOGY_TOO_LATE = "apology_too_late", _("Phải xin lỗi trước hạn ít nhất một ngày")
    NEW_DATE_NOT_LATER = "new_date_not_later", _("Ngày hẹn mới không sau ngày hẹn cũ")
    NEW_DATE_NOT_WORKING_DAY = "new_date_not_working_day", _("Ngày hẹn mới không là ngày làm việc")
    ALREADY_SUBMITTED = "already_submitted", _("Hồ sơ đã nộp, không sửa được nội dung")
    UNKNOWN_STEP = "unknown_step", _("Bước không có trong biểu mẫu")
    PRACTICE_DOSSIER = "practice_dossier", _("Hồ sơ thực hành không gửi đi được")
    ASSISTED_DRAFT = "assisted_draft", _("Bản nháp do người hỗ trợ khai: cần người nộp xác nhận")
    INCOMPLETE = "incomplete", _("Hồ sơ chưa đủ để nộp")
    ASSURANCE_TOO_LOW = "assurance_too_low", _("Tài khoản chưa đủ mức xác thực")
