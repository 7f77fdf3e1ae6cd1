"""Officers keep the e-mail reset: an account of kind staff, or one that
opens the admin site, gets no SMS code even when its ID number and phone
match a citizen profile, and the page reads as for no account at all."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.accounts.tests.conftest import PASSWORD
from dichvucong.accounts.tests.recovery_steps import (
    CODE_PAGE,
    ask_for_code,
    page_without_tokens,
)

OFFICER_ID = "001090055555"
OFFICER_PHONE = "0913555555"


def officer_with_profile(kind: str, is_staff: bool) -> User:
    user = User.objects.create_user(
        username=OFFICER_ID,
        password=PASSWORD,
        email="canbo@thanhxuan.gov.vn",
        full_name="Lê Văn Cường",
        kind=kind,
        is_staff=is_staff,
    )
    CitizenProfile.objects.create(
        user=user, id_number=OFFICER_ID, date_of_birth=date(1990, 1, 1), phone=OFFICER_PHONE
    )
    return user


@pytest.mark.parametrize(
    ("kind", "is_staff"), [(AccountKind.STAFF, False), (AccountKind.CITIZEN, True)]
)
def test_an_officer_gets_no_sms_code(client, db, sent_sms, kind, is_staff) -> None:
    officer_with_profile(kind, is_staff)
    ask_for_code(client, OFFICER_ID, OFFICER_PHONE)
    assert sent_sms == []
    nobody = Client()
    ask_for_code(nobody, "001090066666", OFFICER_PHONE)
    assert page_without_tokens(client.get(CODE_PAGE)) == page_without_tokens(nobody.get(CODE_PAGE))


def test_an_officer_still_gets_the_email_link(client, db, sent_sms, mailoutbox) -> None:
    officer_with_profile(AccountKind.STAFF, False)
    client.post(reverse("accounts:password_reset"), {"email": "canbo@thanhxuan.gov.vn"})
    assert [mail.to for mail in mailoutbox] == [["canbo@thanhxuan.gov.vn"]]
    assert sent_sms == []


def test_the_same_profile_as_a_citizen_account_is_served(client, db, sent_sms) -> None:
    """The control: the refusal above comes from the kind, not the data."""
    officer_with_profile(AccountKind.CITIZEN, False)
    ask_for_code(client, OFFICER_ID, OFFICER_PHONE)
    assert [phone for phone, _body in sent_sms] == [OFFICER_PHONE]
