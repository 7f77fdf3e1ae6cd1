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
from base64 import b32decode
from typing import Any

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from dichvucong.accounts.two_factor import APP_DEVICE_NAME, requires_second_factor


def confirmed_device(user: Any) -> TOTPDevice:
    """The account's authenticator, enrolled (made if it has none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)


def login_verified(client: Any, user: Any) -> TOTPDevice | None:
    """Log `user` in on the Django test client, with a verified second
    factor when the account needs one (returned); others just log in."""
    client.force_login(user)
    if not requires_second_factor(user):
        return None
    device = confirmed_device(user)
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


def pass_second_factor(page: Any, user: Any) -> None:
    """In a browser (Playwright) that has just sent the password: enrol
    on the set-up page, typing the code computed from the key the page
    shows, as a person types that key into an app; or, when enrolled,
    type the code of the account's device on the verification page. Ends
    on the page the log-in was for; does nothing for other accounts."""
    page.wait_for_load_state()
    if "/tai-khoan/xac-thuc/" not in page.url:
        return  # an account without a second factor
    if "/xac-thuc/cai-dat/" in page.url:
        key = page.locator(".secret-key").inner_text().replace(" ", "")
        device = TOTPDevice(key=b32decode(key + "=" * (-len(key) % 8)).hex())
        page.locator("input[name=code]").fill(totp_code_of_key(device))
        page.get_by_role("button", name="Xác nhận và hoàn tất").click()
        page.get_by_role("link", name="Tiếp tục làm việc").click()
    else:
        page.locator("input[name=code]").fill(totp_code(confirmed_device(user)))
        page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_load_state()


def totp_code_of_key(device: TOTPDevice) -> str:
    """The code an app shows now for an unsaved device built from a key."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"
