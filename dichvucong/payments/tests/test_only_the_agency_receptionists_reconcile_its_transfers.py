"""The statement is imported by those who take fees at the counter: the
receptionists of an agency, for its own dossiers only. Others get a 403;
a receptionist of ward B finds no ward-A payment in a ward-A statement."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.payments import services
from dichvucong.payments.constants import PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import page, statement_csv, upload_statement


@pytest.fixture
def statement(cast, dossier, bank_account) -> bytes:
    transfer = services.start_bank_transfer(dossier, cast.applicant)
    return statement_csv([["16/03/2026", "24000", f"CK {transfer.reference}", "FT1"]])


def _nothing_paid(dossier) -> None:
    assert not Payment.objects.filter(status=PaymentStatus.PAID).exists()
    dossier.refresh_from_db()
    assert dossier.status == Status.AWAITING_PAYMENT


def test_the_receptionist_sees_the_form_and_the_expected_columns(cast, client):
    login_verified(client, cast.receptionist_a)
    shown = page(client.get(reverse("payments:statement")))
    for column in ("Ngày giao dịch", "Số tiền", "Nội dung", "Mã giao dịch"):
        assert column in shown
    assert 'enctype="multipart/form-data"' in shown


@pytest.mark.parametrize("who", ["applicant", "specialist_a", "leader_a", "leader_b"])
def test_anyone_but_a_receptionist_gets_403(cast, client, dossier, statement, who):
    login_verified(client, getattr(cast, who))
    assert client.get(reverse("payments:statement")).status_code == 403
    assert upload_statement(client, statement).status_code == 403
    _nothing_paid(dossier)


def test_the_receptionist_of_ward_b_finds_nothing_of_ward_a(cast, client, dossier, statement):
    login_verified(client, cast.receptionist_b)
    shown = page(upload_statement(client, statement))
    assert "Khớp và đã ghi nhận thanh toán: 0" in shown
    assert "Không tìm thấy mã thanh toán: 1" in shown
    _nothing_paid(dossier)
    # Ward A's receptionist imports the same statement afterwards: it pays.
    client.logout()
    login_verified(client, cast.receptionist_a)
    assert "Khớp và đã ghi nhận thanh toán: 1" in page(upload_statement(client, statement))


def test_an_anonymous_visitor_is_sent_to_log_in(client, statement):
    response = upload_statement(client, statement)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
