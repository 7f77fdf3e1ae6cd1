"""The VNPay payment redirect protocol, version 2.1.0.

The order goes to VNPay as vnp_* query parameters signed with
HMAC-SHA512; VNPay answers the same way, to the IPN URL (server to server)
and to the return URL (the browser). The signed data is the vnp_*
parameters except the hash itself, sorted by key, each key and value
encoded with quote_plus and joined as a query string: exactly what VNPay's
official Python sample does, so signatures match those VNPay computes.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote_plus
from zoneinfo import ZoneInfo

from django.urls import reverse

from dichvucong.payments.conf import PaymentConfig
from dichvucong.payments.constants import PAYMENT_WINDOW_MINUTES, SUCCESS
from dichvucong.payments.models import Payment

VERSION = "2.1.0"
HASH = "vnp_SecureHash"
HASH_TYPE = "vnp_SecureHashType"
# VNPay reads and writes its dates in Vietnam's time, whatever ours is.
VN_TIME = ZoneInfo("Asia/Ho_Chi_Minh")
DATE_FORMAT = "%Y%m%d%H%M%S"


def signing_data(params: Mapping[str, object]) -> str:
    items = sorted(
        (key, value)
        for key, value in params.items()
        if key.startswith("vnp_") and key not in (HASH, HASH_TYPE)
    )
    return "&".join(f"{quote_plus(key)}={quote_plus(str(value))}" for key, value in items)


def sign(params: Mapping[str, object], secret: str) -> str:
    data = signing_data(params).encode("utf-8")
    return hmac.new(secret.encode("utf-8"), data, hashlib.sha512).hexdigest()


def signed_query(params: Mapping[str, object], secret: str) -> str:
    """The query string to send: the signed data, then its signature."""
    return f"{signing_data(params)}&{HASH}={sign(params, secret)}"


def format_time(moment: datetime) -> str:
    return moment.astimezone(VN_TIME).strftime(DATE_FORMAT)


def parse_time(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, DATE_FORMAT).replace(tzinfo=VN_TIME)
    except ValueError:
        return None


def order_info(payment: Payment) -> str:
    """Plain ASCII, as VNPay asks, and no personal data: only the code."""
    code = payment.dossier.code or ""
    return f"Thanh toan ho so {code}".encode("ascii", "ignore").decode()


@dataclass(frozen=True)
class Notification:
    """The outcome VNPay reports, read from its (verified) parameters."""

    txn_ref: str
    amount: int | None  # vnp_Amount: đồng × 100
    response_code: str
    transaction_status: str
    transaction_no: str
    bank_code: str
    pay_date: datetime | None

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Notification:
        raw_amount = params.get("vnp_Amount", "")
        return cls(
            txn_ref=params.get("vnp_TxnRef", ""),
            amount=int(raw_amount) if raw_amount.isascii() and raw_amount.isdigit() else None,
            response_code=params.get("vnp_ResponseCode", ""),
            transaction_status=params.get("vnp_TransactionStatus", ""),
            transaction_no=params.get("vnp_TransactionNo", "")[:20],
            bank_code=params.get("vnp_BankCode", "")[:20],
            pay_date=parse_time(params.get("vnp_PayDate", "")),
        )

    @property
    def succeeded(self) -> bool:
        return self.response_code == SUCCESS and self.transaction_status == SUCCESS


class VNPayGateway:
    def __init__(self, config: PaymentConfig) -> None:
        self.config = config
        self.name = config.gateway

    @property
    def page_url(self) -> str:
        return self.config.url or reverse("payments:sandbox")

    def request_params(self, payment: Payment, client_ip: str, return_url: str) -> dict[str, str]:
        # Dated from the payment's creation, so that a reused pending payment
        # expires at the gateway when it stops being reused here.
        created = payment.created_at
        return {
            "vnp_Version": VERSION,
            "vnp_Command": "pay",
            "vnp_TmnCode": self.config.tmn_code,
            "vnp_Amount": str(payment.amount * 100),
            "vnp_CurrCode": "VND",
            "vnp_TxnRef": payment.txn_ref,
            "vnp_OrderInfo": order_info(payment),
            "vnp_OrderType": "other",
            "vnp_Locale": "vn",
            "vnp_ReturnUrl": return_url,
            "vnp_IpAddr": client_ip or "127.0.0.1",
            "vnp_CreateDate": format_time(created),
            "vnp_ExpireDate": format_time(created + timedelta(minutes=PAYMENT_WINDOW_MINUTES)),
        }

    def payment_url(self, payment: Payment, client_ip: str, return_url: str) -> str:
        params = self.request_params(payment, client_ip, return_url)
        return f"{self.page_url}?{signed_query(params, self.config.hash_secret)}"

    def sign(self, params: Mapping[str, object]) -> str:
        return sign(params, self.config.hash_secret)

    def verify(self, params: Mapping[str, str]) -> bool:
        given = params.get(HASH, "")
        if not given:
            return False
        # Hex digits in either case; compared in constant time.
        return hmac.compare_digest(given.lower().encode("utf-8"), self.sign(params).encode("utf-8"))
