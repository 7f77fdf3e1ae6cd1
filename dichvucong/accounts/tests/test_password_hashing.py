from __future__ import annotations

from dichvucong import settings as project_settings
from dichvucong.accounts.models import User


def test_a_new_users_password_is_hashed_with_argon2(db, settings):
    # conftest swaps in a fast hasher; this test checks the real setting.
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    user = User.objects.create_user(username="001085012345", password="Hoa-sen-nở-2025")
    assert user.password.startswith("argon2")
    assert user.check_password("Hoa-sen-nở-2025")
