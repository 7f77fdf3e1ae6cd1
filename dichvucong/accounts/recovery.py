"""Password recovery by a one-time code sent by SMS.

For residents who registered with a phone and no e-mail, and for
applicants whose account an ambassador created without a usable password
(outreach.assisted): Django's e-mail reset serves neither.

1. On "Quên mật khẩu" the resident types their ID number (an organisation
   its tax code) and the mobile number on the account. `start` always
   makes a new PasswordRecovery row and returns its opaque token, which
   the view keeps in the session (never in a URL). When an active citizen
   or organisation account has that number and phone, and is within
   CODES_PER_ACCOUNT_PER_HOUR, the row holds the keyed hash of a 6-digit
   code that is then sent by SMS; otherwise the row is a decoy without a
   code. Decoys answer every page, resend and wrong code exactly as a real
   row does, so the answers never tell whether an account exists.
2. The resident types the code and a new password twice. `reset_password`
   counts the try, compares the code, spends it (one conditional UPDATE:
   of concurrent right answers exactly one sets the password), sets the
   password (an assisted applicant's account becomes usable), kills the
   account's other codes and lifts a login lock. Other sessions of the
   account end by themselves: Django checks a hash of the password stored
   in each session.
3. A code is good for CODE_LIFETIME; MAX_ATTEMPTS wrong tries kill it; a
   new code kills the earlier ones.

Staff are never served here: an officer's account opens other people's
dossiers, staff accounts carry no phone, and their reset stays the e-mail
link to the address the administrator keeps (accounts.urls). An account
without a phone but with an e-mail uses that e-mail link too, which
`recoverable` also opens to accounts that never had a password.

Codes go straight to the SMS provider, not through the notification
outbox, for the reasons outreach.assisted gives; the code is never logged
(_deliver says what that means for the embedded log provider). Where the
pending recovery is kept, and why a table: models.PasswordRecovery.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from datetime import timedelta
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import AccountKind, CodePurpose
from dichvucong.accounts.models import (
    CitizenProfile,
    OrganisationProfile,
    PasswordRecovery,
    User,
)
from dichvucong.accounts.services import clear_login_failures
from dichvucong.notifications import sms
from dichvucong.notifications.compose import ascii_fold
from dichvucong.throttle import within_hourly_limit

logger = logging.getLogger(__name__)

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=10)
MAX_ATTEMPTS = 5
CODES_PER_ACCOUNT_PER_HOUR = 3
# Rows are looked at for minutes; a day leaves room to investigate abuse.
KEEP_ROWS = timedelta(days=1)
HASH_SALT = "dichvucong.accounts.recovery.code"
SERVED_KINDS = (AccountKind.CITIZEN, AccountKind.ORGANISATION)

NO_CODE = _("Chưa có mã xác nhận còn dùng được. Vui lòng yêu cầu mã mới.")
USED = _("Mã này đã được dùng. Nếu vẫn cần đặt mật khẩu, vui lòng yêu cầu mã mới.")
EXPIRED = _("Mã đã hết hạn. Vui lòng yêu cầu mã mới.")
DEAD = _("Đã nhập sai mã %(n)d lần. Vui lòng yêu cầu mã mới.")
WRONG = _("Mã không đúng. Bạn còn %(n)d lần thử.")


class RecoveryRefused(Exception):
    """The code cannot be used; the message is for the resident."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- Whose account -----------------------------------------------------------------


def recoverable(user: Any) -> bool:
    """May this account be given a password by someone proving they hold
    its phone or e-mail? Citizens and organisations only: staff, admin-site
    users and API service accounts (no usable password on purpose) never."""
    return (
        user.kind in SERVED_KINDS and user.is_active and not user.is_staff and not user.is_superuser
    )


def _served(user_id: int | None) -> User | None:
    user = User.objects.filter(pk=user_id).first() if user_id else None
    return user if user is not None and recoverable(user) else None


def _contacts(login_number: str) -> list[tuple[int, str]]:
    """(user id, phone) of the profiles with this ID number or tax code."""
    citizens = CitizenProfile.objects.filter(id_number=login_number)
    organisations = OrganisationProfile.objects.filter(tax_code=login_number)
    return [
        *citizens.values_list("user_id", "phone"),
        *organisations.values_list("user_id", "phone"),
    ]


def find_account(login_number: str, phone: str) -> User | None:
    """The served account with this ID number (or tax code) and this
    phone, both as the form fields normalise them; None otherwise."""
    for user_id, known in _contacts(login_number):
        if known and hmac.compare_digest(known.encode(), phone.encode()):
            return _served(user_id)
    return None


def _phone_of(user: User) -> str:
    for profile in (CitizenProfile, OrganisationProfile):
        phone = profile.objects.filter(user=user).values_list("phone", flat=True).first()
        if phone:
            return phone
    return ""


# --- Issuing a code ----------------------------------------------------------------


def _code_hash(token: str, code: str) -> str:
    return salted_hmac(HASH_SALT, f"{token}:{code}", algorithm="sha256").hexdigest()


def _new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def issue_code(user: User | None, phone: str, purpose: str = CodePurpose.RECOVERY) -> str:
    """A new row for `user` (None: a decoy) and its token; the user's
    earlier codes for the same purpose die. The code is sent after the row
    is committed, so it can always be checked once it arrives. Phone
    confirmation (phone_confirmation.py) issues its codes here too."""
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    code = _new_code()
    with transaction.atomic():
        PasswordRecovery.objects.filter(created_at__lt=now - KEEP_ROWS).delete()
        if user is not None:
            live = PasswordRecovery.objects.filter(user=user, used_at=None, expires_at__gt=now)
            live.filter(purpose=purpose).update(expires_at=now)
        PasswordRecovery.objects.create(
            token=token,
            purpose=purpose,
            user=user,
            code_hash=_code_hash(token, code) if user is not None else "",
            created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
    if user is not None:
        _deliver(phone, code, purpose)
    return token


def _issue_for(user: User | None, phone: str) -> str:
    """A real code when the account may have one now, else a decoy: an
    account over its hourly limit looks exactly like no account."""
    if user is None or not phone:
        return issue_code(None, "")
    if not within_hourly_limit(f"password-recovery:u:{user.pk}", CODES_PER_ACCOUNT_PER_HOUR):
        return issue_code(None, "")
    return issue_code(user, phone)


def start(login_number: str, phone: str) -> str:
    """Begin a recovery for what was typed; returns the token to keep in
    the session, whether or not anything matched."""
    return _issue_for(find_account(login_number, phone), phone)


def resend(token: str) -> str:
    """A new code for the recovery `token` belongs to (the old one dies);
    returns the new token. Decoys get a new decoy."""
    row = PasswordRecovery.objects.filter(token=token, purpose=CodePurpose.RECOVERY).first()
    user = _served(row.user_id) if row is not None else None
    return _issue_for(user, _phone_of(user) if user is not None else "")


# --- Sending -------------------------------------------------------------------------


LOG_NAMES = {
    CodePurpose.RECOVERY: "password recovery",
    CodePurpose.PHONE: "phone confirmation",
    CodePurpose.EID_LINK: "national e-ID link",
}
SMS_TEMPLATES = {
    CodePurpose.RECOVERY: "accounts/recovery_sms.txt",
    CodePurpose.PHONE: "accounts/phone_code_sms.txt",
    CodePurpose.EID_LINK: "accounts/eid_link_sms.txt",
}


def code_sms(code: str, purpose: str = CodePurpose.RECOVERY) -> str:
    """The SMS: the code and its validity, nothing about the account. In
    Vietnamese folded to ASCII (notifications.compose says why)."""
    context = {"code": code, "minutes": int(CODE_LIFETIME.total_seconds() // 60)}
    with translation.override("vi"):
        return ascii_fold(render_to_string(SMS_TEMPLATES[purpose], context))


def _deliver(phone: str, code: str, purpose: str = CodePurpose.RECOVERY) -> None:
    """Through the configured provider. The embedded log provider writes
    SMS bodies to the log, where a readable code would let whoever reads
    the log take over the account: for it the code is masked (as for
    outreach's codes), so embedded installs cannot recover by SMS.

    A failure is logged by type only (gateways echo numbers) and not shown:
    the page must look the same whether or not a code was due."""
    try:
        sms.send_code(phone, code_sms(code, purpose), code)
    except Exception as error:
        logger.warning("%s code not sent: %s", LOG_NAMES[purpose], type(error).__name__)
        return
    logger.info("%s: code sent by SMS", LOG_NAMES[purpose])


# --- Using a code -------------------------------------------------------------------


def code_refusal(row: PasswordRecovery, code: str) -> str | None:
    """Why the typed code is refused (None: it is right). The try is
    counted before the comparison, by a conditional UPDATE, so concurrent
    tries cannot add up to more than MAX_ATTEMPTS where rows are not
    locked (SQLite)."""
    if row.used_at is not None:
        return gettext(USED)
    if row.attempts >= MAX_ATTEMPTS:
        return gettext(DEAD) % {"n": MAX_ATTEMPTS}
    if row.expires_at <= timezone.now():
        return gettext(EXPIRED)
    tries = PasswordRecovery.objects.filter(pk=row.pk, attempts__lt=MAX_ATTEMPTS, used_at=None)
    if not tries.update(attempts=F("attempts") + 1):
        return gettext(DEAD) % {"n": MAX_ATTEMPTS}
    # Decoys hold no hash: compared all the same, they never match.
    right = constant_time_compare(_code_hash(row.token, code), row.code_hash)
    if right and row.code_hash and row.user_id:
        return None
    left = MAX_ATTEMPTS - row.attempts - 1
    if left <= 0:
        return gettext(DEAD) % {"n": MAX_ATTEMPTS}
    return gettext(WRONG) % {"n": left}


def _set_password(row: PasswordRecovery, password: str) -> User:
    """Spend the code and set the password, in the caller's transaction.
    ValidationError (Django's password validators, now that the account
    is known) leaves the code unspent."""
    user = _served(row.user_id)
    if user is None:  # deactivated or made staff since the code was sent
        raise RecoveryRefused(gettext(NO_CODE))
    validate_password(password, user)
    now = timezone.now()
    if not PasswordRecovery.objects.filter(pk=row.pk, used_at=None).update(used_at=now):
        raise RecoveryRefused(gettext(USED))
    user.set_password(password)
    user.save(update_fields=["password"])
    live = PasswordRecovery.objects.filter(user=user, used_at=None, purpose=CodePurpose.RECOVERY)
    live.update(expires_at=now)
    clear_login_failures(user.get_username())
    logger.info("password recovery %s: password set", row.pk)
    return user


def reset_password(token: str, code: str, password: str) -> User:
    """Set `password` on the account the code of `token` was sent to.
    Raises RecoveryRefused (wrong, expired, dead or spent code; a wrong try
    is still counted) or ValidationError (the password)."""
    with transaction.atomic():
        rows = PasswordRecovery.objects.select_for_update()
        row = rows.filter(token=token, purpose=CodePurpose.RECOVERY).first()
        if row is None:
            raise RecoveryRefused(gettext(NO_CODE))
        refusal = code_refusal(row, "".join(code.split()))
        if refusal is None:
            return _set_password(row, password)
    # Raised after the commit, so the counted try stays counted.
    raise RecoveryRefused(refusal)
