"""Someone registered with another person's ID number. The owner comes to
the counter with the card; the receptionist hands the account over: the
impostor's session and password stop working, the old phone recovers
nothing, both phones are told through the outbox, the audit trail has the
step, and the owner sets a password with a code sent to the new phone."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import CitizenProfile, NationalEidLink, User
from dichvucong.accounts.testing import login_verified
from dichvucong.accounts.tests.identity_steps import code_on_phone
from dichvucong.accounts.tests.recovery_steps import (
    NEW_PASSWORD,
    ask_for_code,
    enter_code,
    logs_in,
)
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.backoffice.tests.identity_steps import (
    OWNER_NAME,
    OWNER_PHONE,
    hand_over,
    search,
)
from dichvucong.notifications.models import OutboxMessage
from dichvucong.outreach.tests.helpers_tests.sms import KeepingSmsProvider

OWNER_ID = "001090012345"  # the cast's applicant: the impostor's account
IMPOSTOR_PHONE = "0912345678"
IMPOSTOR_PASSWORD = "matkhau-demo-1"


@pytest.fixture
def sent_sms(settings):
    settings.SMS_PROVIDER = "dichvucong.outreach.tests.helpers_tests.sms.KeepingSmsProvider"
    KeepingSmsProvider.sent.clear()
    return KeepingSmsProvider.sent


@pytest.fixture
def impostor(cast) -> Client:
    """The impostor, logged in on their own phone."""
    client = Client()
    client.force_login(cast.applicant)
    return client


@pytest.fixture
def counter(client, cast) -> Client:
    login_verified(client, cast.receptionist_a)
    return client


def test_the_search_shows_the_account_without_its_phone_and_is_audited(counter, cast):
    page = search(counter, OWNER_ID).content.decode()
    assert cast.applicant.full_name in page
    assert "09xx***678" in page and IMPOSTOR_PHONE not in page
    entry = AuditEntry.objects.get(action=Action.STAFF_ACTION)
    assert entry.actor == cast.receptionist_a
    assert entry.target == f"accounts.user #{cast.applicant.pk}"
    assert OWNER_ID not in str(entry.detail) + entry.what + entry.target


def test_handing_over_ends_the_impostor_and_lets_the_owner_in(
    counter, impostor, cast, sent_sms, django_capture_on_commit_callbacks
):
    assert impostor.get(reverse("accounts:profile")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = hand_over(counter, OWNER_ID)
    assert response.status_code == 302
    assert "Đã trả lại tài khoản cho chủ thẻ" in counter.get(response["Location"]).content.decode()

    # The impostor is logged out and locked out; their phone recovers nothing.
    assert impostor.get(reverse("accounts:profile")).status_code == 302
    assert not logs_in(OWNER_ID, IMPOSTOR_PASSWORD)
    ask_for_code(Client(), OWNER_ID, IMPOSTOR_PHONE)
    assert [phone for phone, _text in sent_sms] == [OWNER_PHONE, IMPOSTOR_PHONE]

    # The owner sets a password with a code sent to the new phone.
    owner = Client()
    ask_for_code(owner, OWNER_ID, OWNER_PHONE)
    enter_code(owner, code_on_phone(sent_sms, OWNER_PHONE))
    assert logs_in(OWNER_ID, NEW_PASSWORD)
    user = User.objects.get(username=OWNER_ID)
    assert user.full_name == OWNER_NAME and user.email == ""
    profile = CitizenProfile.objects.get(user=user)
    assert profile.phone == OWNER_PHONE and profile.address == "" and profile.ward is None
    assert profile.assurance == AssuranceLevel.COUNTER_VERIFIED


def test_the_hand_over_is_written_in_the_audit_trail_and_the_outbox(
    counter, cast, sent_sms, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hand_over(counter, OWNER_ID)
    entry = AuditEntry.objects.filter(what__startswith="Trả lại tài khoản").get()
    assert entry.actor == cast.receptionist_a
    assert entry.target == f"accounts.user #{cast.applicant.pk}"
    assert entry.detail["previous_phone"] == "09xx***678"
    assert entry.detail["new_phone"] == "09xx***666"
    messages = OutboxMessage.objects.order_by("pk")
    assert [m.recipient for m in messages] == [OWNER_PHONE, IMPOSTOR_PHONE]
    assert all(m.status == "sent" for m in messages)
    assert "Quen mat khau" in messages[0].body
    for message in messages:
        assert OWNER_ID not in message.body and OWNER_NAME not in message.body


def test_nothing_changes_without_the_card_seen_or_with_a_bad_phone(counter, cast):
    page = hand_over(counter, OWNER_ID, card_seen=None).content.decode()
    assert "Chỉ thực hiện sau khi đã xem thẻ căn cước bản gốc" in page
    page = hand_over(counter, OWNER_ID, phone="12345").content.decode()
    assert "Số điện thoại" in page
    profile = CitizenProfile.objects.get(user=cast.applicant)
    assert profile.phone == IMPOSTOR_PHONE
    assert profile.assurance == AssuranceLevel.PHONE_CONFIRMED
    assert not AuditEntry.objects.filter(what__startswith="Trả lại").exists()


def test_a_national_eid_linked_to_the_account_is_unlinked_by_the_hand_over(
    counter, cast, sent_sms, django_capture_on_commit_callbacks
):
    """The link is the previous holder's log-in: kept, it would open the
    account for them again and rewrite the card's details with theirs."""
    now = timezone.now()
    NationalEidLink.objects.create(
        user=cast.applicant, issuer="https://vneid.example", subject="nguoi-truoc",
        linked_at=now, last_login_at=now,
    )
    with django_capture_on_commit_callbacks(execute=True):
        hand_over(counter, OWNER_ID)
    assert not NationalEidLink.objects.filter(user=cast.applicant).exists()
    entry = AuditEntry.objects.filter(what__startswith="Trả lại tài khoản").get()
    assert entry.detail["national_eid_unlinked"] is True
