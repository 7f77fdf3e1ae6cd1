"""A new account is saved with the version of the registration notice its
page showed (the registration form, or the login page beside the VNeID
button for an account made at the first VNeID log-in), and the text of
that version is kept to be read back; a refused registration saves neither."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.accounts.tests.conftest import PASSWORD
from dichvucong.accounts.tests.vneid_steps import NEW, log_in
from dichvucong.privacy.models import NoticeAcknowledgement, NoticeText
from dichvucong.privacy.notices import notice
from dichvucong.privacy.services import versions_recorded
from dichvucong.privacy.tests.notice_on_page import shows_notice


def _citizen_form(units) -> dict:
    return {
        "full_name": "Phạm Thị Dung",
        "id_number": "001185067890",
        "date_of_birth": "07/11/1985",
        "phone": "0912345678",
        "email": "dung@example.vn",
        "address": "15 ngõ 2 Khương Trung",
        "ward": units["ward_a"].pk,
        "residential_group": units["group_a2"].pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


def test_a_citizen_account_is_saved_with_the_registration_notice_version(client, units) -> None:
    response = client.post(reverse("accounts:register"), _citizen_form(units))
    assert response.status_code == 302
    user = User.objects.get(username="001185067890")
    shown = notice("registration")
    assert versions_recorded(account=user) == [("registration", shown.version)]
    assert NoticeText.objects.get(notice="registration", version=shown.version).body == shown.text


def test_a_second_account_reuses_the_stored_text_of_the_same_version(client, units) -> None:
    client.post(reverse("accounts:register"), _citizen_form(units))
    client.logout()
    other = {**_citizen_form(units), "id_number": "001185067891", "phone": "0912345679"}
    other["email"] = "khac@example.vn"
    assert client.post(reverse("accounts:register"), other).status_code == 302
    assert NoticeAcknowledgement.objects.count() == 2
    assert NoticeText.objects.count() == 1


def test_a_refused_registration_records_no_notice(client, units) -> None:
    bad = {**_citizen_form(units), "password2": "khong-khop-9"}
    assert client.post(reverse("accounts:register"), bad).status_code == 200
    assert not User.objects.filter(username="001185067890").exists()
    assert not NoticeAcknowledgement.objects.exists()


def test_an_account_made_at_the_first_vneid_log_in_records_the_notice_beside_the_button(
    client, provider, units
) -> None:
    assert shows_notice(client.get(reverse("accounts:login")), "registration")
    assert log_in(client, provider, NEW).status_code == 302
    user = User.objects.get(username=NEW.claims["id_number"])
    assert versions_recorded(account=user) == [("registration", notice("registration").version)]
