"""A statement that cannot be read as a whole is refused with a message
saying why, and nothing of it is imported: not even the lines before the
one that could not be read."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.payments import services
from dichvucong.payments.constants import PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.statement import MAX_FILE_BYTES
from dichvucong.payments.tests.helpers import page, statement_csv, upload_statement


@pytest.fixture
def payment(cast, dossier, bank_account) -> Payment:
    transfer = services.start_bank_transfer(dossier, cast.applicant)
    return Payment.objects.get(txn_ref=transfer.reference)


def _good_row(payment: Payment) -> list[object]:
    return ["16/03/2026", "24.000", f"CK {payment.txn_ref}", "FT1"]


def _refused(client, data: bytes, name: str, message: str, payment: Payment) -> None:
    response = upload_statement(client, data, name)
    assert response.status_code == 400
    shown = page(response)
    assert message in shown and "Chưa có gì được ghi nhận." in shown
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert payment.dossier.status == Status.AWAITING_PAYMENT


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("sao-ke.pdf", b"%PDF-1.7 ...", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."),
        ("sao-ke.xlsx", b"PK\x03\x04 not really a workbook", "Không đọc được tệp Excel."),
        ("sao-ke.csv", "Ngày giao dịch;Số tiền".encode("utf-16"), "bảng mã UTF-8"),
        (
            "sao-ke.csv",
            b"SAO KE TAI KHOAN\n",
            "Thiếu cột: Ngày giao dịch, Số tiền, Nội dung, Mã giao dịch.",
        ),
        ("sao-ke.csv", b"x" * (MAX_FILE_BYTES + 1), "Tệp lớn hơn 5 MB."),
    ],
)
def test_a_file_that_is_not_a_statement_is_refused(cast, client, payment, name, data, message):
    login_verified(client, cast.receptionist_a)
    _refused(client, data, name, message, payment)


def test_a_missing_column_is_named(cast, client, payment):
    login_verified(client, cast.receptionist_a)
    header = ["Ngày giao dịch", "Số tiền", "Nội dung"]
    data = statement_csv([_good_row(payment)[:3]], header=header)
    _refused(client, data, "sao-ke.csv", "Thiếu cột: Mã giao dịch.", payment)


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (["16/03/2026", "24.5", "CK", "FT2"], "Dòng 3: số tiền không đọc được."),
        (["16/03/2026", "24.000", "CK", ""], "Dòng 3: thiếu mã giao dịch."),
        (["hôm qua", "24.000", "CK", "FT2"], "Dòng 3: ngày giao dịch không đọc được."),
    ],
)
def test_one_unreadable_line_refuses_the_lines_before_it_too(
    cast, client, payment, bad_row, message
):
    login_verified(client, cast.receptionist_a)
    data = statement_csv([_good_row(payment), bad_row])
    _refused(client, data, "sao-ke.csv", message, payment)


def test_a_statement_without_money_coming_in_says_so(cast, client, payment):
    login_verified(client, cast.receptionist_a)
    data = statement_csv([["16/03/2026", "-50.000", "Phi SMS", "FT3"]])
    _refused(client, data, "sao-ke.csv", "Tệp không có dòng tiền vào nào.", payment)
