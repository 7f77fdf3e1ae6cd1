"""Confirming an account's phone by a one-time code sent to it by SMS.

A resident who registers types an ID number and a phone nobody has
checked: the account starts SELF_DECLARED and may log in and prepare
drafts, but submits nothing (services.assurance_refusal) until the code
sent to that phone comes back. Then it is PHONE_CONFIRMED; a higher level
is kept.

The codes are password recovery's (recovery.py): the same table with
purpose PHONE, the same lifetime, hash, count of wrong tries and SMS
provider, so each rule has one home. Unlike recovery, the resident is
logged in: the live code is found by the account, not by a token in the
session, and there is nothing to hide about whether the account exists.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts import recovery
from dichvucong.accounts.constants import AssuranceLevel, CodePurpose, assurance_rank
from dichvucong.accounts.models import CitizenProfile, OrganisationProfile, PasswordRecovery, User
from dichvucong.throttle import within_hourly_limit

logger = logging.getLogger(__name__)

CODES_PER_ACCOUNT_PER_HOUR = recovery.CODES_PER_ACCOUNT_PER_HOUR
TOO_MANY = _("Đã gửi %(n)d mã trong một giờ. Vui lòng đợi rồi bấm “Gửi lại mã”.")
NO_PHONE = _("Tài khoản chưa có số điện thoại. Vui lòng đến Bộ phận Một cửa để được hỗ trợ.")

CodeRefused = recovery.RecoveryRefused


def _profile(user: User) -> CitizenProfile | OrganisationProfile | None:
    return (
        CitizenProfile.objects.filter(user=user).first()
        or OrganisationProfile.objects.filter(user=user).first()
    )


def needs_confirmation(user: User) -> bool:
    """A citizen or organisation whose phone nobody has confirmed."""
    profile = _profile(user)
    return profile is not None and profile.assurance == AssuranceLevel.SELF_DECLARED


def send_code(user: User) -> None:
    """A new code to the account's phone (the earlier one dies). Raises
    CodeRefused past CODES_PER_ACCOUNT_PER_HOUR: each SMS costs money."""
    profile = _profile(user)
    if profile is None or not profile.phone:
        raise CodeRefused(gettext(NO_PHONE))
    if not within_hourly_limit(f"phone-confirmation:u:{user.pk}", CODES_PER_ACCOUNT_PER_HOUR):
        raise CodeRefused(gettext(TOO_MANY) % {"n": CODES_PER_ACCOUNT_PER_HOUR})
    recovery.issue_code(user, profile.phone, CodePurpose.PHONE)


def _live_row(user: User) -> PasswordRecovery | None:
    rows = PasswordRecovery.objects.select_for_update()
    return rows.filter(user=user, purpose=CodePurpose.PHONE).order_by("-created_at").first()


def confirm(user: User, code: str) -> None:
    """Spend the code and raise the account to PHONE_CONFIRMED. Raises
    CodeRefused (wrong, expired, dead or spent; a wrong try still counts)."""
    with transaction.atomic():
        row = _live_row(user)
        if row is None:
            raise CodeRefused(gettext(recovery.NO_CODE))
        refusal = recovery.code_refusal(row, "".join(code.split()))
        if refusal is None:
            _spend(row, user)
            return
    # Raised after the commit, so the counted try stays counted.
    raise CodeRefused(refusal)


def _spend(row: PasswordRecovery, user: User) -> None:
    if not PasswordRecovery.objects.filter(pk=row.pk, used_at=None).update(used_at=timezone.now()):
        raise CodeRefused(gettext(recovery.USED))
    profile = _profile(user)
    if profile is not None and assurance_rank(profile.assurance) < assurance_rank(
        AssuranceLevel.PHONE_CONFIRMED
    ):
        type(profile).objects.filter(pk=profile.pk).update(assurance=AssuranceLevel.PHONE_CONFIRMED)
    logger.info("phone confirmation %s: phone confirmed", row.pk)
