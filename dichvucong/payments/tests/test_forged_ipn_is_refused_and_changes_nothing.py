"""An IPN call without our signature answers 97 and changes nothing; it is
logged, with no personal data in the log line."""

from __future__ import annotations

import logging

import pytest

from dichvucong.dossiers.constants import Status
from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName, PaymentStatus, Verdict
from dichvucong.payments.models import GatewayNotice
from dichvucong.payments.tests.helpers import call_ipn, ipn_params


@pytest.fixture
def pending(cast, dossier):
    return services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)


def _nothing_paid(pending) -> None:
    pending.refresh_from_db()
    pending.dossier.refresh_from_db()
    assert pending.status == PaymentStatus.PENDING and pending.receipt_number is None
    assert pending.dossier.status == Status.AWAITING_PAYMENT


def test_a_notification_signed_with_another_secret_answers_97(client, pending, caplog):
    forged = ipn_params(pending, "00", secret="not-our-secret")
    with caplog.at_level(logging.WARNING, logger="dichvucong.payments"):
        reply = call_ipn(client, forged)
    assert reply == {"RspCode": "97", "Message": "Invalid signature"}
    _nothing_paid(pending)
    notice = GatewayNotice.objects.get()
    assert notice.verdict == Verdict.BAD_SIGNATURE and notice.rsp_code == "97"
    assert notice.txn_ref == pending.txn_ref and notice.payment is None
    assert pending.txn_ref in caplog.text and "bad_signature" in caplog.text
    assert pending.dossier.applicant_name not in caplog.text


def test_a_notification_without_a_signature_answers_97(client, pending):
    params = ipn_params(pending, "00")
    del params["vnp_SecureHash"]
    assert call_ipn(client, params)["RspCode"] == "97"
    _nothing_paid(pending)


def test_a_success_code_added_to_a_signed_failure_answers_97(client, pending):
    params = {**ipn_params(pending, "24"), "vnp_ResponseCode": "00", "vnp_TransactionStatus": "00"}
    assert call_ipn(client, params)["RspCode"] == "97"
    _nothing_paid(pending)
