from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from dichvucong.accounts import services
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.accounts.tests.conftest import CITIZEN_ID, PASSWORD

URL = reverse("accounts:register")


def form_data(units: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = {
        "full_name": "Phạm Thị Dung",
        "id_number": "001 185 067 890",
        "date_of_birth": "07/11/1985",
        "phone": "0912 345 678",
        "email": "dung@example.vn",
        "address": "15 ngõ 2 Khương Trung",
        "ward": units["ward_a"].pk,
        "residential_group": units["group_a2"].pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return data


def test_a_valid_registration_creates_the_account_and_profile_and_logs_in(client, units):
    response = client.post(URL, form_data(units))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:confirm_phone")
    user = User.objects.get(username="001185067890")
    assert user.kind == "citizen"
    assert user.full_name == "Phạm Thị Dung"
    assert user.check_password(PASSWORD)
    profile = user.citizen
    assert profile.id_number == "001185067890"
    assert profile.phone == "0912345678"
    assert profile.date_of_birth.isoformat() == "1985-11-07"
    assert profile.residential_group == units["group_a2"]
    assert int(client.session["_auth_user_id"]) == user.pk


def test_email_may_be_left_empty(client, units):
    response = client.post(URL, form_data(units, email=""))
    assert response.status_code == 302
    assert User.objects.get(username="001185067890").email == ""


def test_a_bad_phone_is_explained_and_everything_else_typed_is_kept(client, units):
    response = client.post(URL, form_data(units, phone="0951234567"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Đầu số này không phải đầu số di động đang dùng ở Việt Nam" in content
    assert 'value="Phạm Thị Dung"' in content
    assert 'value="001 185 067 890"' in content
    assert 'value="0951234567"' in content
    assert 'value="15 ngõ 2 Khương Trung"' in content
    assert f'<option value="{units["ward_a"].pk}" selected>' in content
    assert PASSWORD not in content
    assert not User.objects.exists()


def test_each_wrong_value_gets_its_own_message(client, units):
    response = client.post(
        URL,
        form_data(
            units,
            full_name="",
            id_number="12345",
            date_of_birth="31/02/1985",
            email="dung@",
            password2="khac-hoan-toan",
        ),
    )
    content = response.content.decode()
    assert "Vui lòng sửa các mục có thông báo màu đỏ bên dưới." in content
    assert "Vui lòng điền mục này." in content
    assert "Số định danh cá nhân phải có đúng 12 chữ số." in content
    assert "Ngày sinh chưa đúng. Hãy viết ngày/tháng/năm, ví dụ 25/03/1980." in content
    assert "Địa chỉ thư điện tử chưa đúng" in content
    assert "Hai lần nhập mật khẩu không giống nhau. Vui lòng nhập lại." in content
    assert not User.objects.exists()


def test_a_weak_password_is_refused(client, units):
    response = client.post(URL, form_data(units, password1="12345678", password2="12345678"))
    assert response.status_code == 200
    assert not User.objects.exists()


def test_a_birth_date_that_does_not_match_the_id_number_is_refused(client, units):
    response = client.post(URL, form_data(units, date_of_birth="07/11/1986"))
    assert "Năm sinh không khớp với số định danh cá nhân" in response.content.decode()
    assert not User.objects.exists()


def test_a_group_of_another_ward_is_refused_with_a_message(client, units):
    response = client.post(URL, form_data(units, residential_group=units["group_b1"].pk))
    content = response.content.decode()
    assert "Tổ dân phố đã chọn không thuộc phường/xã đã chọn. Vui lòng chọn lại." in content
    assert not User.objects.exists()


def test_a_ward_with_groups_needs_a_group(client, units):
    response = client.post(URL, form_data(units, residential_group=""))
    assert "Vui lòng chọn tổ dân phố nơi bạn ở." in response.content.decode()
    assert not User.objects.exists()


def test_without_javascript_every_group_is_listed_under_its_ward(client, units):
    content = client.get(URL).content.decode()
    assert '<optgroup label="Phường Khương Trung">' in content
    assert '<optgroup label="Phường Nhân Chính">' in content
    assert "Tổ dân phố</label>" in content  # not marked "optional"


def test_an_id_number_already_registered_gets_a_message_not_an_error(client, citizen, units):
    response = client.post(URL, form_data(units, id_number=CITIZEN_ID, date_of_birth="25/03/1985"))
    assert response.status_code == 200
    assert "Số định danh cá nhân này đã có tài khoản." in response.content.decode()
    assert User.objects.filter(username=CITIZEN_ID).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_failure_half_way_leaves_no_user_behind(units, monkeypatch):
    # A profile holding the number under another login makes the second
    # insert fail after the user row was written.
    other = User.objects.create_user(username="someone-else", password=PASSWORD)
    CitizenProfile.objects.create(user=other, id_number="001185067890", phone="0912345678")
    monkeypatch.setattr(services, "citizen_registration_errors", lambda **kwargs: [])
    data = services.CitizenRegistration(
        full_name="Phạm Thị Dung",
        id_number="001185067890",
        date_of_birth=None,  # type: ignore[arg-type]
        phone="0912345678",
        email="",
        address="",
        ward=units["ward_a"],
        residential_group=units["group_a1"],
        password=PASSWORD,
    )
    with pytest.raises(services.RegistrationRefused):
        services.register_citizen(data)
    assert not User.objects.filter(username="001185067890").exists()
