"""Test helpers for staff logged in with their second factor.

`login_verified(client, user)` is the one way tests log a member of staff
in: a confirmed authenticator device for the account, the session logged
in and marked verified exactly as django-otp marks it after a right code
(otp_device_id in the session). Browser tests type `totp_code(device)`
into the real verification page instead, as a person reads it off the app.

Test code only.
"""

from __future__ import annotations

import time
from typing import Any

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from dichvucong.accounts.two_factor import APP_DEVICE_NAME


def confirmed_device(user: Any) -> TOTPDevice:
    """The account's authenticator, enrolled (made if it has none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)


def login_verified(client: Any, user: Any) -> TOTPDevice:
    """Log `user` in on the Django test client with a verified second
    factor; returns the device."""
    device = confirmed_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def totp_code(device: TOTPDevice) -> str:
    """The code the app shows now; if it was already used (a second log-in
    within 30 seconds), the next one, which the device's tolerance of one
    step accepts."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += (device.last_t + 1 - totp.t()) * device.step
    return f"{totp.token():0{device.digits}d}"
