"""After the password, an enrolled member of staff types the code the app
shows, or one of the printed recovery codes, which then never works again."""

from __future__ import annotations

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from dichvucong.accounts import two_factor
from dichvucong.accounts.testing import confirmed_device, totp_code
from dichvucong.accounts.tests.conftest import PASSWORD
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry

LOGIN = reverse("accounts:login")
VERIFY = reverse("accounts:two_factor")


def _recovery_codes(user) -> list[str]:  # type: ignore[no-untyped-def]
    device = StaticDevice.objects.create(user=user, name="Mã dự phòng", confirmed=True)
    codes = ["abcd2345", "efgh6723"]
    for code in codes:
        StaticToken.objects.create(device=device, token=code)
    return codes


def test_the_code_from_the_app_opens_the_page_asked_for(client, officer):
    device = confirmed_device(officer)
    response = client.post(LOGIN, {"username": officer.username, "password": PASSWORD,
                                   "next": "/tai-khoan/"})
    assert response["Location"] == "/tai-khoan/"
    assert client.get("/tai-khoan/")["Location"] == f"{VERIFY}?next=%2Ftai-khoan%2F"
    done = client.post(VERIFY, {"code": totp_code(device), "next": "/tai-khoan/"})
    assert done["Location"] == "/tai-khoan/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert AuditEntry.objects.get(action=Action.TWO_FACTOR).what == "xác thực hai lớp"


def test_a_recovery_code_works_once_typed_as_printed(client, officer):
    confirmed_device(officer)
    codes = _recovery_codes(officer)
    client.force_login(officer)
    response = client.post(VERIFY, {"code": "ABCD 2345"}, follow=True)
    assert client.session[DEVICE_ID_SESSION_KEY].startswith("otp_static")
    assert "Bạn chỉ còn 1 mã dự phòng" in response.content.decode()
    entry = AuditEntry.objects.filter(action=Action.TWO_FACTOR).latest("at")
    assert entry.what == "xác thực hai lớp: dùng mã dự phòng"
    assert entry.detail["codes_left"] == 1
    assert codes[0] not in str(entry.detail)

    client.logout()
    client.force_login(officer)
    again = client.post(VERIFY, {"code": codes[0]})
    assert again.status_code == 200
    assert "Mã không đúng" in again.content.decode()


def test_a_wrong_code_is_recorded_as_a_failure_without_the_code(client, officer):
    confirmed_device(officer)
    client.force_login(officer)
    client.post(VERIFY, {"code": "987654"})
    entry = AuditEntry.objects.get(action=Action.TWO_FACTOR)
    assert entry.detail == {"outcome": "failure"}
    assert "987654" not in f"{entry.what} {entry.detail}"
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_new_recovery_codes_replace_the_old_ones(client, officer):
    from dichvucong.accounts.testing import login_verified

    login_verified(client, officer)
    old = _recovery_codes(officer)
    client.post(reverse("accounts:two_factor_codes"))
    assert two_factor.recovery_codes_left(officer) == 10
    assert not StaticToken.objects.filter(token__in=old).exists()
