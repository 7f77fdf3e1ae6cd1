"""A lost phone: an administrator resets the account's second factor from
the admin; the reset is in the audit trail and the officer enrols again."""

from __future__ import annotations

from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import User
from dichvucong.accounts.testing import confirmed_device, login_verified
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry


def test_the_reset_removes_the_devices_and_is_recorded(client, officer):
    admin = User.objects.create_superuser("quantri", password="x", kind=AccountKind.STAFF)
    confirmed_device(officer)
    StaticDevice.objects.create(user=officer, name="Mã dự phòng", confirmed=True)
    officer_client = client.__class__()
    login_verified(officer_client, officer)
    assert officer_client.get("/tai-khoan/").status_code == 200

    login_verified(client, admin)
    changelist = reverse("admin:accounts_user_changelist")
    response = client.post(
        changelist,
        {"action": "reset_second_factor", "_selected_action": [officer.pk]},
        follow=True,
    )
    assert "Đã đặt lại xác thực hai lớp cho 1 tài khoản" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticDevice.objects.filter(user=officer).exists()
    entry = AuditEntry.objects.get(action=Action.TWO_FACTOR, what="đặt lại xác thực hai lớp")
    assert entry.actor == admin
    assert entry.target == officer.username

    # The officer's session, verified with the old device, no longer is.
    next_page = officer_client.get("/tai-khoan/")
    assert next_page["Location"].startswith(reverse("accounts:two_factor"))
    assert officer_client.get(next_page["Location"])["Location"].startswith(
        reverse("accounts:two_factor_setup")
    )


def test_the_device_keys_are_not_in_the_admin(client, db):
    admin = User.objects.create_superuser("quantri", password="x", kind=AccountKind.STAFF)
    login_verified(client, admin)
    index = client.get(reverse("admin:index")).content.decode()
    assert "otp_totp" not in index and "otp_static" not in index
