"""Steps the identity tests share: a resident registering on the web, the
code read from their phone, an applicant at a chosen level with a draft
ready to submit."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_draft
from dichvucong.outreach.tests.helpers_tests.sms import last_code

REGISTER = reverse("accounts:register")
CONFIRM = reverse("accounts:confirm_phone")
RESEND = reverse("accounts:confirm_phone_resend")
PASSWORD = "Hoa-sen-nở-2025"
MOTHER_ID = "001185067890"
MOTHER_PHONE = "0987111222"


def registration(ward: AdminUnit, group: AdminUnit, **changes: Any) -> dict[str, Any]:
    data = {
        "full_name": "Đỗ Thị Mai",
        "id_number": MOTHER_ID,
        "date_of_birth": "01/05/1985",
        "phone": MOTHER_PHONE,
        "email": "",
        "address": "8 ngõ 12",
        "ward": ward.pk,
        "residential_group": group.pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return data


def register(client: Client, ward: AdminUnit, group: AdminUnit, **changes: Any) -> Any:
    return client.post(REGISTER, registration(ward, group, **changes))


def confirm(client: Client, code: str, **extra: Any) -> Any:
    return client.post(CONFIRM, {"code": code}, **extra)


def code_on_phone(sent: list[tuple[str, str]], phone: str) -> str:
    mine = [message for message in sent if message[0] == phone]
    assert mine, f"no SMS to {phone}"
    return last_code(mine)


def level_of(user: User) -> str:
    return CitizenProfile.objects.get(user=user).assurance


def set_level(user: User, level: str) -> None:
    CitizenProfile.objects.filter(user=user).update(assurance=level)


def draft_at_level(cast: Cast, level: str = AssuranceLevel.SELF_DECLARED) -> Dossier:
    """A complete draft of the cast's applicant, whose account is at `level`."""
    set_level(cast.applicant, level)
    return make_draft(cast)


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"
