"""The applicant's account is the citizen with the ID number typed, but
only if the name matches too, and the helper's draft copies nothing of
the account beyond what the helper typed; an unknown number gets a new
account without a usable password. Bad numbers are refused."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.hashers import is_password_usable

from dichvucong.accounts.models import User
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import assisted
from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.tests.helpers_tests.steps import NEIGHBOUR, start_on_page, text


def test_an_existing_account_is_used_only_with_its_holders_name(hc, client) -> None:
    client.force_login(hc.helper)
    wrong = assisted.ApplicantDetails(
        full_name="Nguyễn Văn Bảy", id_number="001090012345", phone="0977000111"
    )
    page = text(start_on_page(client, hc, wrong))
    assert "Họ tên không khớp với tài khoản của số định danh này." in page
    assert not Dossier.objects.exists()

    right = assisted.ApplicantDetails(
        full_name="nguyễn  văn bình", id_number="001090012345", phone="0977000111"
    )
    start_on_page(client, hc, right)
    dossier = Dossier.objects.get()
    assert dossier.applicant == hc.cast.applicant
    # The code goes to the account's own phone, not to a number typed.
    assert dossier.applicant_phone == "0912345678"
    # The e-form holds what the helper typed, never the account's address.
    assert dossier.form_data == {
        "declarant_name": "nguyễn văn bình",
        "declarant_id": "001090012345",
        "declarant_phone": "0977000111",
    }


def test_an_unknown_number_gets_a_new_account_without_password(hc, client) -> None:
    client.force_login(hc.helper)
    start_on_page(client, hc, NEIGHBOUR)
    neighbour = User.objects.get(username=NEIGHBOUR.id_number)
    assert neighbour.full_name == "Phạm Thị Lan" and neighbour.kind == "citizen"
    assert not is_password_usable(neighbour.password)
    assert neighbour.citizen.id_number == NEIGHBOUR.id_number


def test_bad_details_are_explained_and_nothing_is_created(hc, client) -> None:
    client.force_login(hc.helper)
    bad = assisted.ApplicantDetails(full_name="Lan", id_number="123", phone="", email="")
    page = text(start_on_page(client, hc, bad))
    assert "Cần số điện thoại hoặc thư điện tử để gửi mã xác nhận." in page
    assert "Số định danh" in page
    assert not Dossier.objects.exists()


def test_an_ambassador_does_not_help_themselves(hc, client) -> None:
    """An adult volunteer with a citizen account submits their own
    dossiers themselves."""
    volunteer = hc.cast.applicant
    Ambassador.objects.create(
        campaign=hc.campaign,
        user=volunteer,
        volunteer_name=volunteer.full_name,
        residential_group=hc.cast.group_a,
        since=date(2017, 3, 1),
    )
    client.force_login(volunteer)
    me = assisted.ApplicantDetails(
        full_name=volunteer.full_name, id_number=volunteer.username, phone="0912345678"
    )
    assert "Hồ sơ của chính bạn thì bạn tự nộp" in text(start_on_page(client, hc, me))
    assert not Dossier.objects.exists()
