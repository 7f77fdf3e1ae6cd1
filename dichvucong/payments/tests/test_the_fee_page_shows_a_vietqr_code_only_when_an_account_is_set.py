"""The fee page of a level-4 dossier shows a VietQR code for a transfer to
the agency's account, with the same details in plain text, only when an
account is set; its pending bank payment is made once, not per view."""

from __future__ import annotations

import re

from django.urls import reverse

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.payments import services, vietqr
from dichvucong.payments.constants import GatewayName, PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import awaiting_payment, page


def _url(dossier) -> str:
    return reverse("payments:pay", args=[dossier.public_id])


def test_without_an_account_there_is_no_qr_code_and_no_payment(cast, client, dossier, settings):
    settings.VIETQR_BANK_BIN = settings.VIETQR_ACCOUNT_NUMBER = ""
    settings.VIETQR_ACCOUNT_NAME = settings.VIETQR_AGENCY_ACCOUNTS = ""
    client.force_login(cast.applicant)
    shown = page(client.get(_url(dossier)))
    assert "Thanh toán trực tuyến" in shown
    assert "VietQR" not in shown and "<svg" not in shown
    assert not Payment.objects.exists()


def test_with_an_account_the_page_shows_the_code_and_what_to_type(
    cast, client, dossier, bank_account
):
    client.force_login(cast.applicant)
    response = client.get(_url(dossier))
    shown = page(response)

    payment = Payment.objects.get(dossier=dossier)
    assert payment.gateway == GatewayName.BANK and payment.status == PaymentStatus.PENDING
    assert payment.amount == 24_000 and re.fullmatch(r"[0-9A-F]{18}", payment.txn_ref)
    assert "Hoặc chuyển khoản bằng mã VietQR" in shown
    assert "<svg" in shown and "<script" not in shown and "style=" not in shown
    for text in ("VietinBank", "113366668888", "UBND QUAN THANH XUAN", "24.000 đ"):
        assert text in shown
    assert f'<dd class="typed">{payment.txn_ref}</dd>' in shown
    # The online button stays: the transfer is one more way, not the only one.
    assert "Thanh toán trực tuyến" in shown


def test_the_code_holds_the_amount_and_the_reference(cast, client, dossier, bank_account):
    client.force_login(cast.applicant)
    shown = page(client.get(_url(dossier)))
    payment = Payment.objects.get(dossier=dossier)
    # What the page encoded: the same pending payment, reused.
    transfer = services.start_bank_transfer(dossier, cast.applicant)
    assert transfer.reference == payment.txn_ref
    assert str(transfer.qr_svg()) in shown
    fields = vietqr.parse(transfer.payload)
    assert fields["54"] == "24000" and fields["62"] == f"0818{payment.txn_ref}"
    assert "0006970415" + "0112113366668888" in fields["38"]


def test_reloading_the_page_shows_the_same_reference(cast, client, dossier, bank_account):
    client.force_login(cast.applicant)
    first = page(client.get(_url(dossier)))
    second = page(client.get(_url(dossier)))
    payment = Payment.objects.get(dossier=dossier)
    assert payment.txn_ref in first and payment.txn_ref in second
    # The pending transfer is not listed as a failed online attempt.
    assert "Các lần thanh toán trước" not in second


def test_an_agency_with_its_own_account_gets_that_account(cast, client, dossier, bank_account):
    bank_account.VIETQR_AGENCY_ACCOUNTS = "T.KM=970436:0011001234567:UBND PHUONG KHUONG MAI"
    client.force_login(cast.applicant)
    shown = page(client.get(_url(dossier)))
    assert "Vietcombank" in shown and "0011001234567" in shown
    assert "113366668888" not in shown


def test_level_3_pays_at_the_office_and_shows_no_code(cast, client, bank_account):
    dossier = awaiting_payment(cast, online_level=OnlineLevel.PARTIAL)
    client.force_login(cast.applicant)
    shown = page(client.get(_url(dossier)))
    assert "VietQR" not in shown and "Nộp lệ phí tại Bộ phận Một cửa" in shown
    assert not Payment.objects.exists()


def test_another_applicant_sees_nothing_and_starts_nothing(cast, client, dossier, bank_account):
    client.force_login(cast.other_applicant)
    assert client.get(_url(dossier)).status_code == 404
    assert not Payment.objects.exists()
