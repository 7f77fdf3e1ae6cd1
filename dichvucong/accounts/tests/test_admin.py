from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified


@pytest.fixture
def admin_client_logged_in(client, db):  # type: ignore[no-untyped-def]
    admin = User.objects.create_superuser(username="quantri", password="x", kind="staff")
    login_verified(client, admin)
    return client


def test_the_user_list_opens(admin_client_logged_in, citizen):
    response = admin_client_logged_in.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 200
    assert "Nguyễn Văn An" in response.content.decode()


def test_a_citizen_opens_with_the_citizen_profile_inline(admin_client_logged_in, citizen):
    url = reverse("admin:accounts_user_change", args=[citizen.pk])
    content = admin_client_logged_in.get(url).content.decode()
    assert "hồ sơ công dân" in content.lower()
    assert "001085012345" in content


def test_an_officer_opens_with_the_staff_roles_inline(admin_client_logged_in, officer):
    url = reverse("admin:accounts_user_change", args=[officer.pk])
    content = admin_client_logged_in.get(url).content.decode()
    assert "vai trò cán bộ" in content.lower()


def test_the_add_user_page_and_staff_roles_list_open(admin_client_logged_in):
    assert admin_client_logged_in.get(reverse("admin:accounts_user_add")).status_code == 200
    assert (
        admin_client_logged_in.get(reverse("admin:accounts_staffrole_changelist")).status_code
        == 200
    )
