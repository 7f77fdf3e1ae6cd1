"""Which account a national e-ID log-in opens.

1. The e-ID (`iss`, `sub`) is linked to an account (models.NationalEidLink):
   that account, its name, date of birth, ID number and address refreshed
   from the claims.
2. Else, an account carries the same ID number: it is not opened yet.
   Someone may have registered with another person's number, and the
   e-ID only proves who is at the provider, not who holds the account: a
   code goes to the account's phone (the one-time codes of recovery.py,
   purpose EID_LINK), and only when it comes back is the e-ID linked.
3. Else a new citizen account is made from the claims, without a
   password (the person may set one later with "Quên mật khẩu").

A linked account is at NATIONAL_EID and its claimed fields
(constants.EID_LOCKED_FIELDS) are the provider's: the citizen's details
form and the admin refuse changes to them (services.claims_locked).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts import recovery
from dichvucong.accounts.constants import AccountKind, AssuranceLevel, CodePurpose
from dichvucong.accounts.models import CitizenProfile, NationalEidLink, PasswordRecovery, User
from dichvucong.catalogue.models import AdminUnit
from dichvucong.catalogue.services import wards_on
from dichvucong.lib.identity import InvalidIdentity, clean_id_number, clean_mobile_phone
from dichvucong.privacy.constants import NoticeKind
from dichvucong.privacy.services import acknowledge
from dichvucong.throttle import within_hourly_limit

logger = logging.getLogger(__name__)

CODES_PER_ACCOUNT_PER_HOUR = recovery.CODES_PER_ACCOUNT_PER_HOUR

MISSING = _("Dịch vụ định danh không cho biết họ tên và số định danh cá nhân của bạn.")
NOT_CITIZEN = _(
    "Số định danh này đã được dùng cho một tài khoản không phải của công dân. "
    "Vui lòng liên hệ Bộ phận Một cửa."
)
OTHER_EID = _(
    "Tài khoản mang số định danh này đã liên kết với một danh tính điện tử khác. "
    "Vui lòng liên hệ Bộ phận Một cửa."
)
INACTIVE = _("Tài khoản này đã bị khoá. Vui lòng liên hệ Bộ phận Một cửa.")
NO_PHONE = _(
    "Tài khoản mang số định danh của bạn chưa có số điện thoại để nhận mã. "
    "Vui lòng đến Bộ phận Một cửa để liên kết."
)
TOO_MANY = _("Đã gửi %(n)d mã trong một giờ. Vui lòng đợi rồi thử lại.")


class EidRefused(Exception):
    """The message is for the person logging in."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Identity:
    """The person as the provider describes them."""

    issuer: str
    subject: str
    id_number: str
    full_name: str
    date_of_birth: date | None
    address: str
    locality: str
    phone: str

    def as_session(self) -> dict[str, Any]:
        data = asdict(self)
        data["date_of_birth"] = self.date_of_birth.isoformat() if self.date_of_birth else ""
        return data

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> Identity:
        born = data.get("date_of_birth") or ""
        return cls(**{**data, "date_of_birth": date.fromisoformat(born) if born else None})


def identity_from_claims(claims: dict[str, Any]) -> Identity:
    """Raises EidRefused when the claims lack the name or a valid ID number."""
    try:
        id_number = clean_id_number(str(claims.get(settings.VNEID_ID_NUMBER_CLAIM, "")))
    except InvalidIdentity:
        raise EidRefused(gettext(MISSING)) from None
    full_name = str(claims.get("name") or "").strip()
    if not full_name:
        raise EidRefused(gettext(MISSING))
    address = claims.get("address") or {}
    if not isinstance(address, dict):
        address = {"street_address": str(address)}
    return Identity(
        issuer=str(claims["iss"]),
        subject=str(claims["sub"]),
        id_number=id_number,
        full_name=full_name[:150],
        date_of_birth=_date(claims.get("birthdate")),
        address=str(address.get("street_address") or address.get("formatted") or "")[:300],
        locality=str(address.get("locality") or ""),
        phone=_phone(claims.get("phone_number")),
    )


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _phone(value: Any) -> str:
    try:
        return clean_mobile_phone(str(value)) if value else ""
    except InvalidIdentity:
        return ""


# --- Signing in ------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """Either `user` is to be logged in, or `to_confirm` is the account
    whose phone must confirm the link first."""

    user: User | None = None
    to_confirm: User | None = None


def sign_in(identity: Identity) -> Outcome:
    link = NationalEidLink.objects.filter(issuer=identity.issuer, subject=identity.subject).first()
    if link is not None:
        return Outcome(user=_linked(link, identity))
    profile = (
        CitizenProfile.objects.filter(id_number=identity.id_number).select_related("user").first()
    )
    if profile is not None:
        if NationalEidLink.objects.filter(user=profile.user).exists():
            raise EidRefused(gettext(OTHER_EID))
        if not profile.user.is_active:
            raise EidRefused(gettext(INACTIVE))
        return Outcome(to_confirm=profile.user)
    if User.objects.filter(username=identity.id_number).exists():
        raise EidRefused(gettext(NOT_CITIZEN))
    return Outcome(user=_create(identity))


def _linked(link: NationalEidLink, identity: Identity) -> User:
    user = link.user
    if not user.is_active:
        raise EidRefused(gettext(INACTIVE))
    with transaction.atomic():
        _apply(identity, user)
        NationalEidLink.objects.filter(pk=link.pk).update(last_login_at=timezone.now())
    return user


def _create(identity: Identity) -> User:
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=identity.id_number,
                password=None,  # unusable: the e-ID is the way in
                full_name=identity.full_name,
                kind=AccountKind.CITIZEN,
            )
            CitizenProfile.objects.create(
                user=user, id_number=identity.id_number, phone=identity.phone
            )
            _link(identity, user)
            # The login page showed the registration notice beside the button.
            acknowledge(NoticeKind.REGISTRATION, account=user)
    except IntegrityError:
        # The same person, or the same number, arrived twice at once.
        raise EidRefused(gettext(OTHER_EID)) from None
    logger.info("national e-ID: account %s created", user.pk)
    return user


def _link(identity: Identity, user: User) -> None:
    """In the caller's transaction."""
    now = timezone.now()
    NationalEidLink.objects.create(
        user=user,
        issuer=identity.issuer,
        subject=identity.subject,
        linked_at=now,
        last_login_at=now,
    )
    _apply(identity, user)


def _ward(locality: str) -> AdminUnit | None:
    """The ward existing today that the claimed address names, when exactly
    one does (after a reorganisation an old and a new ward may share a name)."""
    if not locality:
        return None
    names = [locality, f"Phường {locality}", f"Xã {locality}"]
    wards = wards_on(timezone.localdate()).filter(name__in=names)
    return wards.first() if len(wards[:2]) == 1 else None


def _apply(identity: Identity, user: User) -> None:
    """The provider's name, date of birth and address onto the account, at
    NATIONAL_EID. A phone the account has is kept (it was confirmed here);
    an empty one takes the provider's."""
    User.objects.filter(pk=user.pk).update(full_name=identity.full_name)
    user.full_name = identity.full_name
    profile = CitizenProfile.objects.select_for_update().get(user=user)
    profile.date_of_birth = identity.date_of_birth
    profile.address = identity.address
    ward = _ward(identity.locality)
    if ward is not None and ward.pk != profile.ward_id:
        profile.ward = ward
        profile.residential_group = None
    profile.phone = profile.phone or identity.phone
    profile.assurance = AssuranceLevel.NATIONAL_EID
    profile.save()


# --- Linking an existing account ----------------------------------------------------


def send_link_code(user: User) -> str:
    """A code to the account's phone; returns the token to keep in the
    session. Raises EidRefused past CODES_PER_ACCOUNT_PER_HOUR."""
    phone = CitizenProfile.objects.filter(user=user).values_list("phone", flat=True).first()
    if not phone:
        raise EidRefused(gettext(NO_PHONE))
    if not within_hourly_limit(f"eid-link:u:{user.pk}", CODES_PER_ACCOUNT_PER_HOUR):
        raise EidRefused(gettext(TOO_MANY) % {"n": CODES_PER_ACCOUNT_PER_HOUR})
    return recovery.issue_code(user, phone, CodePurpose.EID_LINK)


def confirm_link(token: str, code: str, identity: Identity) -> User:
    """Spend the code and link the e-ID to the account it was sent to.
    Raises recovery.RecoveryRefused (wrong, expired, dead or spent code;
    a wrong try still counts) or EidRefused."""
    with transaction.atomic():
        rows = PasswordRecovery.objects.select_for_update()
        row = rows.filter(token=token, purpose=CodePurpose.EID_LINK).first()
        if row is None or row.user_id is None:
            raise recovery.RecoveryRefused(gettext(recovery.NO_CODE))
        refusal = recovery.code_refusal(row, "".join(code.split()))
        if refusal is None:
            return _spend_and_link(row, identity)
    # Raised after the commit, so the counted try stays counted.
    raise recovery.RecoveryRefused(refusal)


def _spend_and_link(row: PasswordRecovery, identity: Identity) -> User:
    if not PasswordRecovery.objects.filter(pk=row.pk, used_at=None).update(used_at=timezone.now()):
        raise recovery.RecoveryRefused(gettext(recovery.USED))
    user = User.objects.get(pk=row.user_id)
    profile = CitizenProfile.objects.filter(user=user).first()
    if profile is None or profile.id_number != identity.id_number or not user.is_active:
        raise EidRefused(gettext(INACTIVE))
    try:
        with transaction.atomic():
            _link(identity, user)
            # The login page showed the registration notice beside the button.
            acknowledge(NoticeKind.REGISTRATION, account=user)
    except IntegrityError:
        raise EidRefused(gettext(OTHER_EID)) from None
    logger.info("national e-ID: linked to account %s after code %s", user.pk, row.pk)
    return user
