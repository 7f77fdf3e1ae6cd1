"""Shared pieces of the payment tests: a dossier waiting for its fee, the
gateway's signed notifications, and the sandbox walked by a test client."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook
from pypdf import PdfReader

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_draft
from dichvucong.payments import conf
from dichvucong.payments.gateways.vnpay import sign
from dichvucong.payments.models import Payment

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# Monday 16 March 2026, 09:00 in Hà Nội, an ordinary working week: a
# 3-working-day procedure accepted now is due on Thursday 19 March.
MONDAY_MORNING = datetime(2026, 3, 16, 9, 0, tzinfo=HANOI)
FEE = 24_000  # three copies at 8.000 đ
COPY_RULE = {"kind": "per_copy", "amount": 8000, "unit": "bản sao", "exemptions": []}


def awaiting_payment(cast: Cast, online_level: int = OnlineLevel.FULL) -> Dossier:
    """A dossier accepted at reception that now owes FEE (status 6)."""
    cast.procedure.online_level = online_level
    cast.procedure.fee_rule = COPY_RULE
    cast.procedure.save()
    draft = make_draft(cast)
    draft.form_data["copies"] = 3
    draft.save()
    lifecycle.submit(draft, cast.applicant)
    dossier = lifecycle.accept(draft, cast.receptionist_a)
    assert dossier.status == Status.AWAITING_PAYMENT and dossier.fee_amount == FEE
    return dossier


def signed(params: dict[str, str], secret: str | None = None) -> dict[str, str]:
    secret = conf.config().hash_secret if secret is None else secret
    return {**params, "vnp_SecureHash": sign(params, secret)}


def ipn_params(
    payment: Payment, code: str = "00", *, amount: int | None = None, secret: str | None = None
) -> dict[str, str]:
    """What VNPay sends to the IPN URL for `payment`, signed."""
    paid = code == "00"
    return signed(
        {
            "vnp_Amount": str((payment.amount if amount is None else amount) * 100),
            "vnp_BankCode": "NCB",
            "vnp_CardType": "ATM",
            "vnp_OrderInfo": f"Thanh toan ho so {payment.dossier.code}",
            "vnp_PayDate": "20260316091500",
            "vnp_ResponseCode": code,
            "vnp_TmnCode": conf.config().tmn_code,
            "vnp_TransactionNo": "14012345" if paid else "0",
            "vnp_TransactionStatus": "00" if paid else "02",
            "vnp_TxnRef": payment.txn_ref,
        },
        secret,
    )


def call_ipn(client: Client, params: dict[str, str]) -> dict[str, str]:
    response = client.get(reverse("payments:vnpay_ipn"), params)
    assert response.status_code == 200
    return response.json()


def query_of(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def hidden_fields(page: str) -> dict[str, str]:
    found = re.findall(r'<input type="hidden" name="(vnp_\w+)" value="([^"]*)">', page)
    return {name: html.unescape(value) for name, value in found}


def start_payment(client: Client, dossier: Dossier) -> str:
    """Press "Thanh toán trực tuyến": the gateway URL the browser is sent to."""
    response = client.post(reverse("payments:pay", args=[dossier.public_id]))
    assert response.status_code == 302, response.content
    return response["Location"]


def answer_in_sandbox(client: Client, gateway_url: str, code: str) -> str:
    """Open the sandbox page and press the button for `code`; the return
    URL the browser is sent back to."""
    page = client.get(path_of(gateway_url))
    assert page.status_code == 200
    form = {**hidden_fields(page.content.decode()), "code": code}
    response = client.post(reverse("payments:sandbox"), form)
    assert response.status_code == 302, response.content
    return response["Location"]


def pay_through_sandbox(client: Client, dossier: Dossier, code: str = "00") -> str:
    return answer_in_sandbox(client, start_payment(client, dossier), code)


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def page(response: Any) -> str:
    return response.content.decode()


STATEMENT_HEADER = ["Ngày giao dịch", "Số tiền", "Nội dung", "Mã giao dịch"]


def statement_csv(rows: list[list[object]], header: list[str] = STATEMENT_HEADER) -> bytes:
    """A bank statement as Excel saves CSV: UTF-8 with a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def statement_xlsx(rows: list[list[object]], header: list[str] = STATEMENT_HEADER) -> bytes:
    """A bank statement as banks export it: a title and the account above
    the header row."""
    book = Workbook()
    sheet = book.active
    sheet.append(["SAO KÊ TÀI KHOẢN"])
    sheet.append(["Số tài khoản", "113366668888"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload_statement(client: Client, data: bytes, name: str = "sao-ke.csv") -> Any:
    upload = SimpleUploadedFile(name, data)
    return client.post(reverse("payments:statement"), {"statement": upload})
