"""A receipt is served to the dossier's applicant and to its agency's
staff; anyone else gets the same 404 as for an unknown receipt."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName


@pytest.fixture
def receipt_url(cast, dossier):
    payment = services.record_counter_payment(dossier, cast.receptionist_a)
    return reverse("payments:receipt", args=[payment.public_id])


@pytest.mark.parametrize("who", ["applicant", "receptionist_a", "leader_a"])
def test_the_applicant_and_the_agency_get_the_pdf(cast, client, receipt_url, who):
    login_verified(client, getattr(cast, who))
    response = client.get(receipt_url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("who", ["other_applicant", "receptionist_b", "leader_b"])
def test_anyone_else_gets_404(cast, client, receipt_url, who):
    login_verified(client, getattr(cast, who))
    assert client.get(receipt_url).status_code == 404


def test_an_unknown_or_unpaid_receipt_is_404(cast, client, dossier):
    client.force_login(cast.applicant)
    pending = services.start_online_payment(dossier, cast.applicant, GatewayName.SANDBOX)
    assert client.get(reverse("payments:receipt", args=[pending.public_id])).status_code == 404
    assert client.get(reverse("payments:receipt", args=[uuid.uuid4()])).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, receipt_url):
    response = client.get(receipt_url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
