from __future__ import annotations

import pytest

from dichvucong.feedback.models import Petition
from dichvucong.feedback.tests.helpers import SUBMIT, form_data
from dichvucong.feedback.views import SUBMISSIONS

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_stores_nothing(client, db):
    response = client.post(SUBMIT, form_data(website="http://spam.example"), follow=True)

    assert response.status_code == 200
    assert not Petition.objects.exists()


def test_the_honeypot_is_hidden_from_people(client, db):
    page = client.get(SUBMIT).content.decode()

    assert 'class="hp" aria-hidden="true"' in page
    assert 'tabindex="-1"' in page


def test_the_sixth_petition_in_an_hour_is_refused(client, db):
    for number in range(SUBMISSIONS.limit):
        assert client.post(SUBMIT, form_data(subject=f"Phản ánh {number}")).status_code == 302

    response = client.post(SUBMIT, form_data(subject="Thêm một lần"))

    assert response.status_code == 429
    assert Petition.objects.count() == SUBMISSIONS.limit
    assert "Thêm một lần" in response.content.decode()  # what was typed is not lost


def test_another_address_may_still_send(client, db):
    for number in range(SUBMISSIONS.limit):
        client.post(SUBMIT, form_data(subject=f"Phản ánh {number}"), REMOTE_ADDR="10.0.0.1")

    response = client.post(SUBMIT, form_data(), REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 302
