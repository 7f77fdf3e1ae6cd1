"""The built-in test gateway: a stand-in for VNPay's payment page that
speaks the same protocol, for the embedded default and the tests.

It checks the signed order as VNPay does, lets the tester pick the bank's
answer, then does what VNPay does, in VNPay's order: first the
server-to-server notification, then the browser's redirect to the return
URL, both with signed result parameters.

The notification is delivered in-process, by calling payments.ipn.process
with exactly the parameters an HTTP call would carry, rather than by an
HTTP request to SITE_URL: the embedded server may run a single worker
(which would wait for itself), and SITE_URL need not be reachable from the
server itself (containers, reverse proxies). The HTTP endpoint runs the
same function, so nothing of the handling is bypassed.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dichvucong.payments import ipn
from dichvucong.payments.constants import RESPONSE_CODES, SUCCESS
from dichvucong.payments.gateways.vnpay import (
    VERSION,
    VNPayGateway,
    format_time,
    parse_time,
    signed_query,
)

BANK_CODE = "NCB"
EXPIRED = "11"
# The answers offered as buttons; the rest of RESPONSE_CODES in a list.
BUTTONS = (
    (SUCCESS, gettext_lazy("Thanh toán thành công")),
    ("24", gettext_lazy("Hủy giao dịch")),
    ("51", gettext_lazy("Tài khoản không đủ số dư")),
    (EXPIRED, gettext_lazy("Hết thời gian")),
)
OTHER_CODES = tuple(
    (code, text) for code, text in RESPONSE_CODES.items() if code not in dict(BUTTONS)
)
REQUIRED = ("vnp_Amount", "vnp_TxnRef", "vnp_ReturnUrl", "vnp_OrderInfo", "vnp_CreateDate")


class OrderRefused(Exception):
    """The gateway's error page; the message is what VNPay would show."""


@dataclass(frozen=True)
class Order:
    params: dict[str, str]

    @property
    def amount(self) -> int:
        return int(self.params["vnp_Amount"]) // 100

    @property
    def expires_at(self) -> datetime | None:
        return parse_time(self.params.get("vnp_ExpireDate", ""))

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now > self.expires_at


def read_order(gateway: VNPayGateway, received: Mapping[str, str]) -> Order:
    """The order sent to the gateway, checked as VNPay checks it."""
    params = {key: value for key, value in received.items() if key.startswith("vnp_")}
    if not gateway.verify(params):
        raise OrderRefused(_("Sai chữ ký"))
    if params.get("vnp_TmnCode") != gateway.config.tmn_code:
        raise OrderRefused(_("Website này chưa được phê duyệt (mã website không hợp lệ)"))
    amount = params.get("vnp_Amount", "")
    well_formed = (
        all(params.get(key) for key in REQUIRED)
        and amount.isascii()
        and amount.isdigit()
        and int(amount) > 0
        and int(amount) % 100 == 0
        and params.get("vnp_Version") == VERSION
        and params.get("vnp_Command") == "pay"
        and params.get("vnp_CurrCode") == "VND"
    )
    if not well_formed:
        raise OrderRefused(_("Dữ liệu gửi sang không đúng định dạng"))
    return Order(params=params)


def chosen_code(form: Mapping[str, str]) -> str | None:
    """The answer from the button pressed, or from the list of other codes."""
    code = form.get("code", "")
    if code == "other":
        code = form.get("other_code", "")
    return code if code in RESPONSE_CODES else None


def result_params(gateway: VNPayGateway, order: Order, code: str, now: datetime) -> dict[str, str]:
    """The signed parameters VNPay sends for the outcome `code`."""
    if order.expired(now):
        code = EXPIRED
    paid = code == SUCCESS
    params = {
        "vnp_Amount": order.params["vnp_Amount"],
        "vnp_BankCode": BANK_CODE,
        "vnp_CardType": "ATM",
        "vnp_OrderInfo": order.params["vnp_OrderInfo"],
        "vnp_PayDate": format_time(now),
        "vnp_ResponseCode": code,
        "vnp_TmnCode": order.params["vnp_TmnCode"],
        "vnp_TransactionNo": str(10_000_000 + secrets.randbelow(90_000_000)) if paid else "0",
        "vnp_TransactionStatus": SUCCESS if paid else "02",
        "vnp_TxnRef": order.params["vnp_TxnRef"],
    }
    if paid:
        params["vnp_BankTranNo"] = f"VNP{params['vnp_TransactionNo']}"
    params["vnp_SecureHash"] = gateway.sign(params)
    return params


def complete(gateway: VNPayGateway, order: Order, code: str) -> str:
    """Notify first, then give the browser its return address."""
    params = result_params(gateway, order, code, timezone.now())
    ipn.process(params)
    query = signed_query(params, gateway.config.hash_secret)
    return f"{order.params['vnp_ReturnUrl']}?{query}"
