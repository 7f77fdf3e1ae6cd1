"""The browser's return never changes anything: with a bad hash it shows a
clear error (400); with a good one it shows what the database says, even
when the URL claims success before the IPN has arrived."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.dossiers.constants import Status
from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName, NoticeKind, PaymentStatus, Verdict
from dichvucong.payments.models import GatewayNotice
from dichvucong.payments.tests.helpers import ipn_params, page


def _return(client, params):
    return client.get(reverse("payments:vnpay_return"), params)


def _still_pending(payment) -> None:
    payment.refresh_from_db()
    payment.dossier.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert payment.dossier.status == Status.AWAITING_PAYMENT


def test_a_bad_hash_shows_invalid_data_with_status_400(cast, client, dossier):
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    client.force_login(cast.applicant)
    params = {**ipn_params(payment, "00"), "vnp_SecureHash": "ab" * 64}
    response = _return(client, params)
    assert response.status_code == 400
    assert "Dữ liệu trả về không hợp lệ" in page(response)
    _still_pending(payment)
    notice = GatewayNotice.objects.get()
    assert (notice.kind, notice.verdict) == (NoticeKind.RETURN, Verdict.BAD_SIGNATURE)


def test_a_signed_success_before_the_ipn_shows_pending_and_marks_nothing(cast, client, dossier):
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    client.force_login(cast.applicant)
    response = _return(client, ipn_params(payment, "00"))
    assert response.status_code == 200
    assert "Đang chờ xác nhận" in page(response)
    assert "Thanh toán thành công" not in page(response)
    _still_pending(payment)


def test_a_stranger_sees_the_outcome_but_not_the_dossier(cast, client, dossier):
    payment = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    client.force_login(cast.other_applicant)
    shown = page(_return(client, ipn_params(payment, "00")))
    # The code is in the URL they hold already; the page adds nothing to it.
    assert "Mã hồ sơ" not in shown and cast.procedure.name not in shown
    assert "Xem hồ sơ" not in shown
