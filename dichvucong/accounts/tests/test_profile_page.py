from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts import services

PROFILE = reverse("accounts:profile")


def test_the_profile_page_needs_a_login(client, db):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_citizen_sees_their_details(client, citizen):
    client.force_login(citizen)
    content = client.get(PROFILE).content.decode()
    assert "Tài khoản của tôi" in content
    assert "001085012345" in content
    assert "25/03/1985" in content
    assert "Tổ 1" in content and "Phường Khương Trung" in content


def test_an_organisation_sees_its_details(client, organisation):
    client.force_login(organisation)
    content = client.get(PROFILE).content.decode()
    assert "0101234567" in content
    assert "Trần Thị Bình" in content


def test_prefill_values_give_what_the_account_knows(citizen):
    assert services.prefill_values(citizen) == {
        "full_name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "id_number": "001085012345",
        "phone": "0912345678",
        "address": "12 ngõ 5, Tổ 1, Phường Khương Trung, Quận Thanh Xuân, Hà Nội",
        "date_of_birth": "25/03/1985",
    }


def test_prefill_values_of_an_officer_hold_only_the_name(officer):
    assert services.prefill_values(officer) == {"full_name": "Lê Văn Cường"}
