"""An applicant whose account an ambassador created (outreach.assisted:
no usable password) sets a first password, by SMS code when the helper
gave a phone, by Django's e-mail link when only an e-mail; then logs in
and finds the dossier. Accounts without a password on purpose (staff, API
service accounts) are never sent a link."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import User
from dichvucong.accounts.tests.recovery_steps import (
    LOGIN,
    NEW_PASSWORD,
    ask_for_code,
    enter_code,
    logs_in,
)
from dichvucong.outreach import assisted
from dichvucong.outreach.tests.helpers_tests.cast import make_helpers_cast
from dichvucong.outreach.tests.helpers_tests.sms import last_code

EMAIL_RESET = reverse("accounts:password_reset")
# Not the helpers cast's neighbour, who has an account of her own.
NEIGHBOUR_ID = "001185054321"
NEIGHBOUR_PHONE = "0977000321"


def assisted_applicant(**contact: str) -> User:
    """The account start_assisted makes for a neighbour without one."""
    hc = make_helpers_cast()
    details = assisted.ApplicantDetails(full_name="Phạm Thị Lan", id_number=NEIGHBOUR_ID, **contact)
    dossier = assisted.start_assisted(hc.helper, hc.cast.procedure, details, ward=hc.cast.ward_a)
    applicant = dossier.applicant
    assert not applicant.has_usable_password()
    return applicant


def sees_the_dossier(password: str) -> bool:
    browser = Client()
    browser.post(LOGIN, {"username": NEIGHBOUR_ID, "password": password})
    page = browser.get(reverse("dossiers:mine")).content.decode()
    return "Đăng ký khai sinh" in page


def test_an_assisted_applicant_sets_a_password_by_sms_and_logs_in(client, db, sent_sms) -> None:
    assisted_applicant(phone=NEIGHBOUR_PHONE)
    ask_for_code(client, NEIGHBOUR_ID, NEIGHBOUR_PHONE)
    assert [phone for phone, _body in sent_sms] == [NEIGHBOUR_PHONE]
    assert enter_code(client, last_code(sent_sms))["Location"] == LOGIN
    assert logs_in(NEIGHBOUR_ID, NEW_PASSWORD)
    assert sees_the_dossier(NEW_PASSWORD)


def test_an_assisted_applicant_with_only_an_email_gets_the_email_link(
    client, db, mailoutbox
) -> None:
    assisted_applicant(email="lan.pham@example.vn")
    client.post(EMAIL_RESET, {"email": "Lan.Pham@example.vn"})
    [mail] = mailoutbox
    link = re.search(r"https?://testserver(/tai-khoan/quen-mat-khau/\S+/)", mail.body).group(1)
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert sees_the_dossier(NEW_PASSWORD)


def test_accounts_without_a_password_on_purpose_get_no_email_link(client, db, mailoutbox) -> None:
    for username, kind, is_staff in [
        ("api-abc123", AccountKind.STAFF, False),
        ("quantri", AccountKind.CITIZEN, True),
    ]:
        user = User(username=username, email="may@example.vn", kind=kind, is_staff=is_staff)
        user.set_unusable_password()
        user.save()
    client.post(EMAIL_RESET, {"email": "may@example.vn"})
    assert mailoutbox == []
