from __future__ import annotations

import re

import pytest
from django.urls import reverse

from dichvucong.feedback.constants import PetitionStatus
from dichvucong.feedback.models import Petition
from dichvucong.feedback.tests.helpers import SUBMIT, form_data

pytestmark = pytest.mark.django_db
CODE = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")


def test_a_petition_without_any_contact_is_refused_with_a_message(client, db):
    response = client.post(SUBMIT, form_data(sender_phone="", sender_email=""))

    assert response.status_code == 200
    assert "số điện thoại hoặc thư điện tử (ít nhất một)" in response.content.decode()
    assert not Petition.objects.exists()


def test_a_bad_phone_number_is_refused_with_its_own_message(client, db):
    response = client.post(SUBMIT, form_data(sender_phone="12345", sender_email=""))

    assert 'class="errorlist' in response.content.decode()
    assert "để nhận trả lời" not in response.content.decode()
    assert not Petition.objects.exists()


@pytest.mark.parametrize("contact", [{"sender_email": ""}, {"sender_phone": ""}])
def test_one_way_of_contact_is_enough(client, db, contact):
    response = client.post(SUBMIT, form_data(**contact))

    assert response.status_code == 302
    assert Petition.objects.get().status == PetitionStatus.RECEIVED


def test_the_phone_is_stored_normalised(client, db):
    client.post(SUBMIT, form_data(sender_phone="+84 901 234 567"))

    assert Petition.objects.get().sender_phone == "0901234567"


def test_the_tracking_code_is_shown_once_and_not_stored(client, db):
    response = client.post(SUBMIT, form_data(), follow=True)

    code = CODE.search(response.content.decode()).group(0)
    petition = Petition.objects.get()
    assert code not in str(petition.__dict__)
    again = client.get(reverse("feedback:submitted"))
    assert again.status_code == 302
    assert again["Location"] == SUBMIT


def test_the_content_is_limited_to_5000_characters(client, db):
    response = client.post(SUBMIT, form_data(content="x" * 5001))

    assert "Tối đa 5000 ký tự" in response.content.decode()
    assert not Petition.objects.exists()


def test_no_login_is_needed(client, db):
    assert client.get(SUBMIT).status_code == 200
