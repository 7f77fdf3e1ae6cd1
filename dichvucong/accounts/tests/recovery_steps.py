"""Steps the password recovery tests share: asking for a code, typing it
with a new password, logging in; and a resident who registered with a
phone and no e-mail."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.test import Client
from django.urls import reverse

from dichvucong.accounts import services
from dichvucong.accounts.models import User
from dichvucong.catalogue.models import AdminUnit

RECOVER = reverse("accounts:password_recovery")
CODE_PAGE = reverse("accounts:password_recovery_code")
RESEND = reverse("accounts:password_recovery_resend")
LOGIN = reverse("accounts:login")
NEW_PASSWORD = "Sen-hồng-mới-2026"
OLD_PASSWORD = "Hoa-mai-cũ-2020"
NEUTRAL = "Nếu thông tin bạn nhập khớp với một tài khoản, mã xác nhận đã được gửi"

PARENT_ID = "001185067890"
PARENT_PHONE = "0987111222"


def register_parent(units: dict[str, AdminUnit]) -> User:
    """A mother who registered on a cheap phone: a phone, no e-mail."""
    return services.register_citizen(
        services.CitizenRegistration(
            full_name="Đỗ Thị Mai",
            id_number=PARENT_ID,
            date_of_birth=date(1985, 5, 1),
            phone=PARENT_PHONE,
            email="",
            address="8 ngõ 12",
            ward=units["ward_a"],
            residential_group=units["group_a1"],
            password=OLD_PASSWORD,
        )
    )


def text(response: Any) -> str:
    return response.content.decode()


def page_without_tokens(response: Any) -> str:
    """The page as the resident reads it: CSRF tokens differ per client."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text(response))


def ask_for_code(client: Client, login_number: str, phone: str, **extra: Any) -> Any:
    return client.post(RECOVER, {"login_number": login_number, "phone": phone}, **extra)


def enter_code(client: Client, code: str, password: str = NEW_PASSWORD, **extra: Any) -> Any:
    data = {"code": code, "password1": password, "password2": password}
    return client.post(CODE_PAGE, data, **extra)


def wrong(code: str) -> str:
    """A code that is surely not `code`."""
    return f"{(int(code) + 1) % 1_000_000:06d}"


def logs_in(login_name: str, password: str) -> bool:
    response = Client().post(LOGIN, {"username": login_name, "password": password})
    return response.status_code == 302
