"""The pay page: online payment for level-4 procedures, the counter for
level 3; only the applicant's own dossier, only while it waits for payment."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import awaiting_payment, page


def _url(dossier) -> str:
    return reverse("payments:pay", args=[dossier.public_id])


def test_level_3_says_to_pay_at_the_one_stop_office_and_refuses_online(cast, client):
    dossier = awaiting_payment(cast, online_level=OnlineLevel.PARTIAL)
    client.force_login(cast.applicant)
    shown = page(client.get(_url(dossier)))
    assert "Nộp lệ phí tại Bộ phận Một cửa" in shown
    assert "Thanh toán trực tuyến" not in shown and "24.000 đ" in shown
    response = client.post(_url(dossier), follow=True)
    assert "Thủ tục này nộp lệ phí tại Bộ phận Một cửa." in page(response)
    assert not Payment.objects.exists()


def test_another_applicant_gets_404(cast, client, dossier):
    client.force_login(cast.other_applicant)
    assert client.get(_url(dossier)).status_code == 404
    assert client.post(_url(dossier)).status_code == 404
    assert not Payment.objects.exists()


def test_a_dossier_not_waiting_for_payment_goes_back_to_its_page(cast, client):
    dossier = make_dossier(cast, Status.SUBMITTED)
    client.force_login(cast.applicant)
    response = client.post(_url(dossier))
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:detail", args=[dossier.public_id])
    assert not Payment.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, dossier):
    response = client.get(_url(dossier))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
