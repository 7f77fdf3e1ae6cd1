"""First log-in of a member of staff: the real pages, from the password
to the authenticator app to the recovery codes."""

from __future__ import annotations

import re

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from dichvucong.accounts.testing import totp_code
from dichvucong.accounts.tests.conftest import PASSWORD
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry

LOGIN = reverse("accounts:login")
SETUP = reverse("accounts:two_factor_setup")


def test_an_officer_enrols_an_authenticator_and_gets_ten_printable_codes(client, officer):
    response = client.post(LOGIN, {"username": officer.username, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    page = response.content.decode()
    assert "<svg" in page and "Mã QR để cài ứng dụng xác thực" in page
    assert "style=" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    key = re.search(r'class="secret-key">([A-Z2-7 ]+)<', page).group(1)
    assert len(key.replace(" ", "")) == 32

    done = client.post(SETUP, {"code": totp_code(device), "next": "/mot-cua/"}, follow=True)
    codes = re.findall(r"<li>([a-z2-7]{4} [a-z2-7]{4})</li>", done.content.decode())
    assert len(codes) == 10
    assert done["Cache-Control"] == "private, no-store"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    # Shown once: the page read again has no codes, only how many are left.
    again = client.get(reverse("accounts:two_factor_codes")).content.decode()
    assert not re.findall(r"<li>([a-z2-7]{4} [a-z2-7]{4})</li>", again)
    assert "Bạn còn 10 mã dự phòng chưa dùng." in again


def test_a_wrong_code_during_enrolment_confirms_nothing(client, officer):
    client.force_login(officer)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "12345"})
    assert response.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=officer, confirmed=True).exists()
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_enrolment_is_recorded_without_any_code(client, officer):
    client.force_login(officer)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=officer)
    code = totp_code(device)
    client.post(SETUP, {"code": code})
    entry = AuditEntry.objects.get(action=Action.TWO_FACTOR)
    assert entry.what == "đăng ký xác thực hai lớp"
    assert entry.actor == officer
    recorded = f"{entry.what} {entry.detail} {entry.path}"
    assert code not in recorded
    for token in StaticToken.objects.values_list("token", flat=True):
        assert token not in recorded


def test_a_reloaded_setup_page_keeps_the_key_already_scanned(client, officer):
    client.force_login(officer)
    first = client.get(SETUP).content.decode()
    second = client.get(SETUP).content.decode()
    key = re.compile(r'class="secret-key">([A-Z2-7 ]+)<')
    assert key.search(first).group(1) == key.search(second).group(1)
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_a_confirmed_device_is_not_replaced_by_whoever_has_the_password(client, officer):
    from dichvucong.accounts.testing import confirmed_device

    device = confirmed_device(officer)
    client.force_login(officer)
    response = client.get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert list(TOTPDevice.objects.filter(user=officer)) == [device]
