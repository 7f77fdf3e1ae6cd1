"""Statuses and codes of payments and of the VNPay protocol (v2.1.0)."""

from __future__ import annotations

from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ thanh toán")
    PAID = "paid", _("Đã thanh toán")
    FAILED = "failed", _("Không thành công")
    CANCELLED = "cancelled", _("Đã hủy")


class GatewayName(models.TextChoices):
    VNPAY = "vnpay", _("VNPay")
    SANDBOX = "sandbox", _("Cổng thanh toán thử nghiệm")
    COUNTER = "counter", _("Nộp tại Bộ phận Một cửa")
    # A transfer to the agency's account by VietQR, matched to its payment
    # when the bank's statement is imported (payments.reconcile).
    BANK = "bank", _("Chuyển khoản ngân hàng (VietQR)")


# The gateways a citizen pays through online; PAYMENT_GATEWAY picks one.
ONLINE_GATEWAYS = (GatewayName.VNPAY, GatewayName.SANDBOX)


class LineOutcome(models.TextChoices):
    """What importing one line of the bank's statement did."""

    PAID = "paid", _("Khớp, đã ghi nhận thanh toán")
    ALREADY_IMPORTED = "already_imported", _("Giao dịch đã nhập trước đó")
    ALREADY_PAID = "already_paid", _("Khoản phí đã được thanh toán trước đó")
    AMOUNT_DIFFERS = "amount_differs", _("Số tiền không khớp")
    STRANGER = "stranger", _("Không tìm thấy mã thanh toán")


class NoticeKind(models.TextChoices):
    IPN = "ipn", _("Thông báo kết quả (IPN)")
    RETURN = "return", _("Trình duyệt quay về")


class Verdict(models.TextChoices):
    """What the system made of one notification from the gateway."""

    PAID = "paid", _("Xác nhận đã thanh toán")
    FAILED = "failed", _("Ghi nhận không thành công")
    BAD_SIGNATURE = "bad_signature", _("Sai chữ ký")
    UNKNOWN_ORDER = "unknown_order", _("Không có giao dịch")
    BAD_AMOUNT = "bad_amount", _("Sai số tiền")
    ALREADY_CONFIRMED = "already_confirmed", _("Đã xử lý trước đó")
    ERROR = "error", _("Lỗi hệ thống")
    SHOWN = "shown", _("Hiển thị kết quả")


# Verdicts that mean someone sent us a call the gateway did not make.
SUSPICIOUS = (Verdict.BAD_SIGNATURE, Verdict.UNKNOWN_ORDER, Verdict.BAD_AMOUNT)


class IpnReply(NamedTuple):
    """The JSON body VNPay expects back from the IPN URL."""

    code: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"RspCode": self.code, "Message": self.message}


CONFIRM_SUCCESS = IpnReply("00", "Confirm Success")
ORDER_NOT_FOUND = IpnReply("01", "Order not found")
ORDER_ALREADY_CONFIRMED = IpnReply("02", "Order already confirmed")
INVALID_AMOUNT = IpnReply("04", "Invalid amount")
INVALID_SIGNATURE = IpnReply("97", "Invalid signature")
UNKNOWN_ERROR = IpnReply("99", "Unknown error")

# vnp_ResponseCode values, with the wording VNPay shows the customer.
SUCCESS = "00"
CANCELLED_BY_CUSTOMER = "24"
RESPONSE_CODES = {
    "00": _("Giao dịch thành công"),
    "07": _(
        "Trừ tiền thành công nhưng giao dịch bị nghi ngờ (liên quan tới lừa đảo, "
        "giao dịch bất thường)"
    ),
    "09": _("Thẻ/Tài khoản chưa đăng ký dịch vụ Internet Banking tại ngân hàng"),
    "10": _("Xác thực thông tin thẻ/tài khoản không đúng quá 3 lần"),
    "11": _("Đã hết hạn chờ thanh toán"),
    "12": _("Thẻ/Tài khoản bị khóa"),
    "13": _("Nhập sai mật khẩu xác thực giao dịch (OTP)"),
    "24": _("Khách hàng hủy giao dịch"),
    "51": _("Tài khoản không đủ số dư để thực hiện giao dịch"),
    "65": _("Tài khoản đã vượt quá hạn mức giao dịch trong ngày"),
    "75": _("Ngân hàng thanh toán đang bảo trì"),
    "79": _("Nhập sai mật khẩu thanh toán quá số lần quy định"),
    "99": _("Lỗi khác"),
}

# A pending payment is reused for this long; it is also the gateway's
# vnp_ExpireDate, so an older pending payment can no longer be paid and a
# new one is safe to start.
PAYMENT_WINDOW_MINUTES = 15
