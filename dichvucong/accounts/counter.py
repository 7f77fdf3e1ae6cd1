"""Identity checked at the counter (Bộ phận Một cửa) against the ID card.

Registration takes an ID number on trust, so someone may register with
another person's number, and the real owner then finds it "already
registered". The documented way back is the counter: the owner brings
the ID card, a receptionist finds the account by the card's number (by
POST, never in a URL) and either

- `verify_holder`: the person at the counter is the account's holder (the
  name matches the card and they hold the account's phone): the account
  becomes COUNTER_VERIFIED; or
- `hand_over`: the account is not theirs: it is given to the card's
  owner. The name and date of birth become the card's, the phone the one
  the owner gives; the previous holder's e-mail, address and password go
  (so their sessions end: Django checks a hash of the password in each
  session, web and API alike), as do their unused codes. The owner then
  sets a password with "Quên mật khẩu" and a code sent to the new phone,
  on their own phone, at the counter if they like. Both phones get an
  SMS through the outbox, so the change is never silent.

Each is written to the audit trail with the receptionist, the address and
the account's id (never its ID number). Dossiers the previous holder
submitted stay on the account, as the office's records require.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from dichvucong.accounts.constants import AccountKind, AssuranceLevel
from dichvucong.accounts.models import CitizenProfile, NationalEidLink, PasswordRecovery, User
from dichvucong.accounts.services import clear_login_failures
from dichvucong.audit import service as audit
from dichvucong.audit.constants import Action
from dichvucong.notifications import service as outbox
from dichvucong.notifications.compose import ascii_fold
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.masking import mask_phone
from dichvucong.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardCheck:
    """What the receptionist read on the ID card, and the owner's phone."""

    full_name: str
    date_of_birth: date
    phone: str


def find_citizen(id_number: str) -> CitizenProfile | None:
    """The active citizen account with this number. Never a member of
    staff or an admin-site user: those are not handed over at a counter."""
    related = CitizenProfile.objects.select_related("user")
    plain = related.filter(user__is_active=True, user__is_staff=False, user__is_superuser=False)
    return plain.filter(id_number=id_number, user__kind=AccountKind.CITIZEN).first()


def _target(profile: CitizenProfile) -> str:
    return f"accounts.user #{profile.user_id}"


def record_lookup(officer: Any, profile: CitizenProfile | None) -> None:
    """Looking an account up by ID number is itself written down."""
    audit.record(
        Action.STAFF_ACTION,
        "Tra cứu tài khoản theo số định danh tại quầy",
        actor=officer,
        target=_target(profile) if profile is not None else "",
        detail={"found": profile is not None},
    )


def verify_holder(officer: Any, profile: CitizenProfile) -> None:
    """The holder showed the card: their account is now COUNTER_VERIFIED
    (a national e-ID account stays as it is)."""
    with transaction.atomic():
        profiles = CitizenProfile.objects.filter(pk=profile.pk)
        profiles.exclude(assurance=AssuranceLevel.NATIONAL_EID).update(
            assurance=AssuranceLevel.COUNTER_VERIFIED
        )
        audit.record(
            Action.STAFF_ACTION,
            "Xác minh chủ tài khoản bằng thẻ căn cước tại quầy",
            actor=officer,
            target=_target(profile),
            detail={"assurance": AssuranceLevel.COUNTER_VERIFIED},
        )


def hand_over(officer: Any, profile: CitizenProfile, card: CardCheck) -> None:
    """Give the account to the card's owner; see the module's docstring."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=profile.user_id)
        profile = CitizenProfile.objects.select_for_update().get(pk=profile.pk)
        old_phone = profile.phone
        _reset_login(user, card)
        _reset_profile(profile, card)
        PasswordRecovery.objects.filter(user=user, used_at=None).update(expires_at=timezone.now())
        # An e-ID linked to the account is the previous holder's log-in: it
        # would open the account for them again and rewrite the card's
        # details with theirs. The owner links their own e-ID afterwards.
        eid_unlinked = NationalEidLink.objects.filter(user=user).delete()[0] > 0
        entry = audit.record(
            Action.STAFF_ACTION,
            "Trả lại tài khoản cho chủ thẻ căn cước sau khi kiểm tra tại quầy",
            actor=officer,
            target=_target(profile),
            detail={
                "assurance": AssuranceLevel.COUNTER_VERIFIED,
                "previous_phone": mask_phone(old_phone),
                "new_phone": mask_phone(card.phone),
                "sessions_ended": True,
                "national_eid_unlinked": eid_unlinked,
            },
        )
        _notify(entry.pk, card.phone, old_phone)
    clear_login_failures(user.get_username())
    logger.info("account %s handed over at the counter (audit %s)", user.pk, entry.pk)


def _reset_login(user: User, card: CardCheck) -> None:
    user.full_name = card.full_name
    user.email = ""
    # A new password hash: every session of the previous holder ends.
    user.set_unusable_password()
    user.save(update_fields=["full_name", "email", "password"])


def _reset_profile(profile: CitizenProfile, card: CardCheck) -> None:
    profile.phone = card.phone
    profile.date_of_birth = card.date_of_birth
    profile.address = ""
    profile.ward = None
    profile.residential_group = None
    profile.assurance = AssuranceLevel.COUNTER_VERIFIED
    profile.save()


def _sms(template: str) -> str:
    with translation.override("vi"):
        return ascii_fold(render_to_string(template, {})).strip()


def _notify(entry_id: int, new_phone: str, old_phone: str) -> None:
    """Both phones told, through the outbox, after the commit."""
    messages = [(new_phone, "accounts/counter_new_phone_sms.txt", "new")]
    if old_phone and old_phone != new_phone:
        messages.append((old_phone, "accounts/counter_old_phone_sms.txt", "old"))
    ids = [
        OutboxMessage.objects.create(
            channel=Channel.SMS,
            recipient=phone,
            body=_sms(template),
            dedupe_key=f"counter:{entry_id}:{role}",
        ).pk
        for phone, template, role in messages
    ]
    transaction.on_commit(lambda: outbox.enqueue(ids))
