"""A holder who shows the card is raised to "verified at the counter",
written in the audit trail. The page is for receptionists only, and an ID
number never travels in its address."""

from __future__ import annotations

from django.test import Client

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import CitizenProfile
from dichvucong.accounts.testing import login_verified
from dichvucong.audit.models import AuditEntry
from dichvucong.backoffice.tests.identity_steps import URL, search, verify

HOLDER_ID = "001090012345"


def test_the_holder_with_the_card_becomes_counter_verified(client, cast):
    login_verified(client, cast.receptionist_b)  # any ward's counter will do
    assert "Xác minh tài khoản" in search(client, HOLDER_ID).content.decode()
    response = verify(client, HOLDER_ID)
    assert response.status_code == 302
    profile = CitizenProfile.objects.get(user=cast.applicant)
    assert profile.assurance == AssuranceLevel.COUNTER_VERIFIED
    assert profile.phone == "0912345678"
    entry = AuditEntry.objects.get(what__startswith="Xác minh chủ tài khoản")
    assert entry.actor == cast.receptionist_b
    assert entry.target == f"accounts.user #{cast.applicant.pk}"


def test_without_the_card_seen_the_level_stays(client, cast):
    login_verified(client, cast.receptionist_a)
    page = verify(client, HOLDER_ID, card_seen=False).content.decode()
    assert "Chỉ thực hiện sau khi đã xem thẻ căn cước bản gốc" in page
    profile = CitizenProfile.objects.get(user=cast.applicant)
    assert profile.assurance == AssuranceLevel.PHONE_CONFIRMED


def test_a_number_nobody_registered_says_so(client, cast):
    login_verified(client, cast.receptionist_a)
    page = search(client, "001199000111").content.decode()
    assert "Không có tài khoản công dân nào mang số định danh này" in page


def test_a_staff_account_is_never_found(client, cast):
    login_verified(client, cast.receptionist_a)
    CitizenProfile.objects.create(user=cast.leader_a, id_number="001199000222", phone="0911000222")
    page = search(client, "001199000222").content.decode()
    assert "Không có tài khoản công dân nào mang số định danh này" in page


def test_only_receptionists_open_the_page(client, cast):
    assert Client().get(URL).status_code == 302  # to the login page
    for user in (cast.applicant, cast.specialist_a, cast.leader_a):
        other = Client()
        login_verified(other, user)
        assert other.get(URL).status_code == 403
        assert search(other, HOLDER_ID).status_code == 403
    login_verified(client, cast.receptionist_a)
    assert client.get(URL).status_code == 200
    assert client.get(URL)["Cache-Control"] == "private, no-store"
