from __future__ import annotations

from typing import Any

from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.accounts.tests.conftest import PASSWORD, TAX_CODE

URL = reverse("accounts:register_organisation")


def form_data(units: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = {
        "name": "Hợp tác xã Thanh Xuân",
        "tax_code": "0109876543001",
        "representative": "Đỗ Văn Hải",
        "phone": "+84 987 654 321",
        "email": "htx@example.vn",
        "address": "20 Nguyễn Trãi",
        "ward": units["ward_b"].pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return data


def test_a_valid_organisation_registration_uses_the_tax_code_as_login(client, units):
    response = client.post(URL, form_data(units))
    assert response.status_code == 302
    user = User.objects.get(username="0109876543-001")
    assert user.kind == "organisation"
    assert user.get_full_name() == "Hợp tác xã Thanh Xuân"
    assert user.organisation.phone == "0987654321"
    assert user.organisation.ward == units["ward_b"]


def test_a_bad_tax_code_is_explained_and_the_rest_is_kept(client, units):
    response = client.post(URL, form_data(units, tax_code="01098765"))
    content = response.content.decode()
    assert "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc" in content
    assert 'value="Hợp tác xã Thanh Xuân"' in content
    assert 'value="Đỗ Văn Hải"' in content
    assert PASSWORD not in content
    assert not User.objects.exists()


def test_email_is_required_for_an_organisation(client, units):
    response = client.post(URL, form_data(units, email=""))
    assert "Vui lòng điền mục này." in response.content.decode()
    assert not User.objects.exists()


def test_a_tax_code_already_registered_gets_a_message(client, organisation, units):
    response = client.post(URL, form_data(units, tax_code=TAX_CODE))
    assert response.status_code == 200
    assert "Mã số thuế này đã có tài khoản." in response.content.decode()
    assert User.objects.filter(username=TAX_CODE).count() == 1
