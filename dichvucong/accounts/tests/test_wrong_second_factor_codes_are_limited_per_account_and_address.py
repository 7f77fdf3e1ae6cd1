"""Code guesses after the password are limited by the same lock-out as
passwords, so a thief with the password cannot lock the clerk's device."""

from __future__ import annotations

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from dichvucong.accounts.testing import confirmed_device, totp_code

VERIFY = reverse("accounts:two_factor")
THIEF, CLERK = "203.0.113.9", "198.51.100.4"


def test_the_sixth_code_from_one_address_is_a_429_and_another_address_still_verifies(
    client, officer
):
    device = confirmed_device(officer)
    client.force_login(officer)
    for _ in range(5):
        assert client.post(VERIFY, {"code": "000000"}, REMOTE_ADDR=THIEF).status_code == 200
    refused = client.post(VERIFY, {"code": totp_code(device)}, REMOTE_ADDR=THIEF)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) <= 900
    assert "Vui lòng thử lại sau" in refused.content.decode()
    assert DEVICE_ID_SESSION_KEY not in client.session

    assert client.post(VERIFY, {"code": totp_code(device)}, REMOTE_ADDR=CLERK).status_code == 302
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
