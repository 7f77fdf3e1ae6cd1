"""Assisted submission (DESIGN.md §6): an ambassador fills in a real
dossier for an applicant, who confirms it before it is submitted.

1. The helper starts a draft for the applicant (name, ID number, phone
   and/or e-mail). The applicant's account is the citizen account with
   that ID number, or a new one without a usable password (the applicant
   sets one later through "quên mật khẩu"). The draft is
   `Dossier(applicant=applicant, helper=helper user)`, with an
   AssistedSubmission tying it to the ambassador; the helper fills it in
   on the applicant's own pages (dossiers.access.editable_drafts).
2. The helper cannot submit. They send the applicant a 6-digit one-time
   code (SMS or e-mail): stored only as a keyed hash, valid 10 minutes,
   5 wrong tries and it is dead; at most 3 codes per dossier an hour. The
   code goes only to the phone or e-mail of the applicant's own account
   once its phone is confirmed (contacts.py): an account made here is
   self-declared, so its holder confirms by logging in or at the counter.
3. The applicant reads the code to the helper, who types it in; or logs
   in and presses "Xác nhận và nộp" on the draft. Either way the dossier
   is submitted by lifecycle.submit with the applicant as actor, in the
   same transaction as the AssistedSubmission is marked confirmed and an
   event notes the assistance (naming a pupil helper by pseudonym only:
   accounts.services.name_for_records).
4. Afterwards the helper sees code, procedure, applicant's name, status
   and dates only: helped_dossiers() reads exactly those columns.

Codes go straight to the SMS provider (or the mail backend), not through
the notification outbox: the outbox keeps message bodies in a table
readable in the admin, and a code must exist nowhere in clear; retries
minutes later are useless for a 10-minute code, while the helper, who is
waiting, can press "Gửi lại". The code is never logged
(notifications.sms.send_code says how
the embedded log provider is handled).

household_key is services.household_key(user_id=applicant): one account
stands for one household, a key that says nothing by itself.
"""

from __future__ import annotations

import logging
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AccountKind, AssuranceLevel
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.accounts.services import name_for_records
from dichvucong.catalogue.models import AdminUnit, Procedure
from dichvucong.dossiers import events, submission
from dichvucong.dossiers.constants import Delivery, EventKind, Status
from dichvucong.dossiers.models import Dossier
from dichvucong.notifications import sms
from dichvucong.notifications.compose import ascii_fold
from dichvucong.notifications.masking import mask_email, mask_phone
from dichvucong.outreach import contacts, services
from dichvucong.outreach.constants import ConfirmationChannel
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.outreach.practice import ambassadorship
from dichvucong.public_url import site_origin
from dichvucong.throttle import within_hourly_limit

logger = logging.getLogger(__name__)

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=10)
MAX_ATTEMPTS = 5
CODES_PER_DOSSIER_PER_HOUR = 3
# Against a helper sending codes to a whole street: SMS cost money.
CODES_PER_HELPER_PER_HOUR = 20
HASH_SALT = "dichvucong.outreach.assisted.code"
# Prefill sources the helper types in; nothing else of the account is copied
# into a draft the helper reads (address, date of birth stay out).
TYPED_PREFILL = ("full_name", "id_number", "phone", "email")


class AssistRefused(Exception):
    """The step cannot be done now; the message is for the helper."""


@dataclass(frozen=True)
class ApplicantDetails:
    full_name: str
    id_number: str
    phone: str = ""
    email: str = ""


# --- The applicant's account -------------------------------------------------------


def _same_name(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    return norm(a) == norm(b)


def _new_citizen(details: ApplicantDetails) -> User:
    """A citizen account without a usable password: the applicant sets one
    through "quên mật khẩu" when they want to log in themselves."""
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=details.id_number,
                password=None,
                email=details.email,
                full_name=details.full_name,
                kind=AccountKind.CITIZEN,
            )
            # The helper typed the phone: nobody has confirmed it, so no
            # code goes there (contacts.code_refusal) until its holder does.
            CitizenProfile.objects.create(
                user=user,
                id_number=details.id_number,
                phone=details.phone,
                assurance=AssuranceLevel.SELF_DECLARED,
            )
    except IntegrityError as error:
        raise ValidationError(
            {"id_number": _("Số định danh này vừa được đăng ký. Vui lòng thử lại.")}
        ) from error
    return user


def applicant_user(details: ApplicantDetails, helper: Any = None) -> User:
    """The citizen with this ID number, or a new, self-declared account.
    An existing account must carry the name typed (so a helper cannot
    start a draft for anyone whose number they know); it keeps its own
    contact data, which is where the code goes. A new account's phone is
    the one typed, refused when it is a guardian's, the helper's or
    another account's (contacts.typed_phone_refusal)."""
    profile = CitizenProfile.objects.filter(id_number=details.id_number).first()
    if profile is not None:
        user = User.objects.get(pk=profile.user_id)
        if not user.is_active or not _same_name(user.full_name, details.full_name):
            raise ValidationError(
                {"full_name": _("Họ tên không khớp với tài khoản của số định danh này.")}
            )
        return user
    if User.objects.filter(username=details.id_number).exists():
        raise ValidationError({"id_number": _("Số định danh này không dùng để nộp hộ được.")})
    refusal = contacts.typed_phone_refusal(details.phone, helper)
    if refusal is not None:
        raise ValidationError({"phone": refusal})
    return _new_citizen(details)


def typed_prefill(schema: list[dict[str, Any]], details: ApplicantDetails) -> dict[str, Any]:
    """The e-form's prefilled fields, from what the helper typed only."""
    known = {
        "full_name": details.full_name,
        "id_number": details.id_number,
        "phone": details.phone,
        "email": details.email,
    }
    values: dict[str, Any] = {}
    for step in schema or []:
        for spec in step.get("fields", []) if isinstance(step, dict) else []:
            source = spec.get("prefill") if isinstance(spec, dict) else None
            if source in TYPED_PREFILL and known.get(source):
                values[spec["name"]] = known[source]
    return values


# --- Starting ---------------------------------------------------------------------


@transaction.atomic
def start_assisted(
    helper: Any,
    procedure: Procedure,
    details: ApplicantDetails,
    *,
    ward: AdminUnit | None = None,
    delivery: str = Delivery.COUNTER,
    delivery_address: str = "",
) -> Dossier:
    """The applicant's draft, filled in by `helper`. Raises
    PermissionDenied for a non-ambassador and ValidationError for details
    or choices that do not fit; then nothing is created."""
    ambassador = ambassadorship(helper)
    if ambassador is None:
        raise PermissionDenied
    if not details.phone and not details.email:
        raise ValidationError({"phone": _("Cần số điện thoại hoặc thư điện tử để gửi mã.")})
    applicant = applicant_user(details, helper)
    if applicant.pk == helper.pk:
        raise ValidationError(_("Hồ sơ của chính bạn thì bạn tự nộp ở trang “Hồ sơ của tôi”."))
    dossier = submission.start_draft(
        applicant,
        procedure,
        ward=ward,
        delivery=delivery,
        delivery_address=delivery_address,
        helper=helper,
        form_data=typed_prefill(procedure.form_schema, details),
    )
    AssistedSubmission.objects.create(
        dossier=dossier,
        ambassador=ambassador,
        household_key=services.household_key(user_id=applicant.pk),
        channel=ConfirmationChannel.SMS if dossier.applicant_phone else ConfirmationChannel.EMAIL,
    )
    return dossier


# --- What the helper sees ------------------------------------------------------------


@dataclass(frozen=True)
class HelpedDossier:
    """All a helper ever reads of a dossier they helped with."""

    public_id: Any
    code: str | None
    procedure: str
    applicant_name: str
    status: int
    created_at: datetime
    submitted_at: datetime | None
    received_at: datetime | None
    due_date: date | None
    closed_at: datetime | None
    confirmed_at: datetime | None

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT


# Only these columns are read for a helper: never the form, files or contacts.
HELPER_COLUMNS = {
    "public_id": "dossier__public_id",
    "code": "dossier__code",
    "procedure": "dossier__procedure__name",
    "applicant_name": "dossier__applicant_name",
    "status": "dossier__status",
    "created_at": "dossier__created_at",
    "submitted_at": "dossier__submitted_at",
    "received_at": "dossier__received_at",
    "due_date": "dossier__due_date",
    "extended_due_date": "dossier__extended_due_date",
    "closed_at": "dossier__closed_at",
    "confirmed_at": "confirmed_at",
}


def helped_by(user: Any) -> QuerySet[AssistedSubmission]:
    """The assisted submissions of this helper's ambassador rows."""
    if not getattr(user, "is_authenticated", False):
        return AssistedSubmission.objects.none()
    return AssistedSubmission.objects.filter(
        ambassador__user=user, dossier__helper=user, dossier__is_practice=False
    )


def _helped(row: dict[str, Any]) -> HelpedDossier:
    values = {name: row[column] for name, column in HELPER_COLUMNS.items()}
    values["due_date"] = values.pop("extended_due_date") or values["due_date"]
    return HelpedDossier(**values)


def helped_dossiers(user: Any, public_id: Any = None) -> list[HelpedDossier]:
    rows = helped_by(user).order_by("-created_at")
    if public_id is not None:
        rows = rows.filter(dossier__public_id=public_id)
    return [_helped(row) for row in rows.values(*HELPER_COLUMNS.values())]


# --- One-time codes --------------------------------------------------------------


@dataclass(frozen=True)
class PendingCode:
    """What the code page says: where the code went (masked), until when,
    how many tries are left."""

    channel: str
    destination: str
    expires_at: datetime | None
    attempts_left: int
    channels: tuple[str, ...]
    # Why no code can be sent at all (the applicant confirms by logging in
    # or at the counter); "" when one can.
    refusal: str = ""


def _code_hash(record: AssistedSubmission, code: str) -> str:
    return salted_hmac(HASH_SALT, f"{record.pk}:{code}", algorithm="sha256").hexdigest()


def _new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def _destination(dossier: Dossier, channel: str) -> str:
    """The applicant's own contact (contacts.confirmed_contact)."""
    return contacts.confirmed_contact(dossier.applicant, channel)


def _masked(channel: str, destination: str) -> str:
    if not destination:
        return ""
    if channel == ConfirmationChannel.EMAIL:
        return mask_email(destination)
    return mask_phone(destination)


def _channels(dossier: Dossier, helper: Any) -> tuple[str, ...]:
    options = (ConfirmationChannel.SMS, ConfirmationChannel.EMAIL)
    return tuple(
        str(c) for c in options if contacts.code_refusal(dossier.applicant, helper, c) is None
    )


def _helper_record(dossier: Dossier, helper: Any, *, lock: bool) -> AssistedSubmission:
    """The helper's record of this dossier (locked for a change inside a
    transaction). PermissionDenied when it is not theirs."""
    records = helped_by(helper).select_related("dossier__procedure")
    if lock:
        records = records.select_for_update()
    record = records.filter(dossier_id=dossier.pk).first()
    if record is None:
        raise PermissionDenied
    return record


def _lock_pending(dossier: Dossier, helper: Any) -> AssistedSubmission:
    return _helper_record(dossier, helper, lock=True)


def pending_code(dossier: Dossier, helper: Any) -> PendingCode:
    record = _helper_record(dossier, helper, lock=False)
    channels = _channels(record.dossier, helper)
    channel = record.channel if record.channel in channels or not channels else channels[0]
    refusal = contacts.code_refusal(record.dossier.applicant, helper, channel)
    return PendingCode(
        channel=channel,
        destination=_masked(channel, _destination(record.dossier, channel)),
        expires_at=record.expires_at if record.code_hash else None,
        attempts_left=max(MAX_ATTEMPTS - record.attempts, 0),
        channels=channels,
        refusal=(refusal or "") if not channels else "",
    )


def _check_limits(record: AssistedSubmission, helper: Any) -> None:
    if not within_hourly_limit(f"assisted-code:d:{record.dossier_id}", CODES_PER_DOSSIER_PER_HOUR):
        raise AssistRefused(
            _("Đã gửi %(n)d mã cho hồ sơ này trong một giờ. Vui lòng thử lại sau.")
            % {"n": CODES_PER_DOSSIER_PER_HOUR}
        )
    if not within_hourly_limit(f"assisted-code:h:{helper.pk}", CODES_PER_HELPER_PER_HOUR):
        raise AssistRefused(_("Bạn đã gửi quá nhiều mã trong một giờ. Vui lòng thử lại sau."))


def send_code(dossier: Dossier, helper: Any, channel: str) -> str:
    """Issue a new code (the previous one dies) and send it to the
    applicant; returns the masked destination. Raises AssistRefused
    (limits, no such contact, sending failed) or IncompleteDossier: the
    applicant confirms a complete dossier, never a half-filled one."""
    with transaction.atomic():
        record = _lock_pending(dossier, helper)
        if record.confirmed_at is not None or not record.dossier.is_draft:
            raise AssistRefused(_("Hồ sơ đã được nộp."))
        refusal = contacts.code_refusal(record.dossier.applicant, helper, channel)
        if refusal is not None:
            raise AssistRefused(refusal)
        destination = _destination(record.dossier, channel)
        problems = submission.submission_problems(record.dossier)
        if problems:
            raise submission.IncompleteDossier(problems)
        _check_limits(record, helper)
        code = _new_code()
        AssistedSubmission.objects.filter(pk=record.pk).update(
            code_hash=_code_hash(record, code),
            attempts=0,
            expires_at=timezone.now() + CODE_LIFETIME,
            channel=channel,
        )
    # After the commit: a code is only ever sent once it can be checked.
    _deliver(channel, destination, code, record.dossier.procedure.name)
    logger.info("assisted submission %s: code sent by %s", record.pk, channel)
    return _masked(channel, destination)


# --- Sending ------------------------------------------------------------------------


def code_messages(code: str, procedure_name: str) -> dict[str, str]:
    """The SMS and the e-mail: the code, the procedure, the validity; no
    name, number or address of anyone. In Vietnamese whoever sends it."""
    context = {
        "code": code,
        "procedure": procedure_name,
        "minutes": int(CODE_LIFETIME.total_seconds() // 60),
        "site_url": site_origin(),
    }
    with translation.override("vi"):
        return {
            "sms": ascii_fold(render_to_string("outreach/helpers/code_sms.txt", context)),
            "subject": _("Mã xác nhận nộp hồ sơ trực tuyến"),
            "email": render_to_string("outreach/helpers/code_email.txt", context).strip(),
        }


def _deliver(channel: str, destination: str, code: str, procedure_name: str) -> None:
    messages = code_messages(code, procedure_name)
    try:
        if channel == ConfirmationChannel.SMS:
            sms.send_code(destination, messages["sms"], code)
        else:
            send_mail(messages["subject"], messages["email"], None, [destination])
    except Exception as error:
        # Type only: gateways echo numbers and addresses in their errors.
        logger.warning("assisted code not sent by %s: %s", channel, type(error).__name__)
        raise AssistRefused(_("Chưa gửi được mã. Vui lòng thử lại sau ít phút.")) from error


# --- Confirming ----------------------------------------------------------------------


def _code_refusal(record: AssistedSubmission, code: str) -> str | None:
    """Why the typed code is refused (None: it is right). A wrong code
    counts as a try; the 5th wrong try kills the code."""
    if not record.code_hash:
        return _("Chưa có mã xác nhận còn dùng được. Vui lòng gửi mã mới.")
    if record.attempts >= MAX_ATTEMPTS:
        return _("Đã nhập sai mã %(n)d lần. Vui lòng gửi mã mới.") % {"n": MAX_ATTEMPTS}
    if record.expires_at is None or record.expires_at <= timezone.now():
        return _("Mã đã hết hạn. Vui lòng gửi mã mới.")
    if constant_time_compare(_code_hash(record, code), record.code_hash):
        return None
    attempts = record.attempts + 1
    AssistedSubmission.objects.filter(pk=record.pk).update(attempts=attempts)
    if attempts >= MAX_ATTEMPTS:
        return _("Mã không đúng. Đã nhập sai %(n)d lần: vui lòng gửi mã mới.") % {"n": MAX_ATTEMPTS}
    return _("Mã không đúng. Bạn còn %(n)d lần thử.") % {"n": MAX_ATTEMPTS - attempts}


def submit_confirmed(record: AssistedSubmission, actor: Any, channel: str) -> Dossier:
    """Submit as the applicant and mark the record confirmed, in the
    caller's transaction; the code is spent, and the dossier's event log
    says who helped (record_on_behalf)."""
    applicant = record.dossier.applicant
    dossier = submission.submit_dossier(record.dossier, applicant, assisted=True)
    AssistedSubmission.objects.filter(pk=record.pk).update(
        channel=channel, confirmed_at=timezone.now(), code_hash="", expires_at=None
    )
    record_on_behalf(dossier, record.ambassador_id, actor=actor, channel=channel)
    return dossier


def record_on_behalf(dossier: Dossier, ambassador_id: int, *, actor: Any, channel: str) -> None:
    """The "nộp hộ" event: who helped (the helper's account and the
    ambassador row), confirmed how. The year-end report counts a helped
    dossier only with this event (report.helped_submissions), and the
    hash chain (verify_events) shows any later edit of it. The helper is
    named as the event log keeps them (a pupil's pseudonym: the log is
    never erased, a minor's name must be). The caller holds the dossier."""
    with translation.override("vi"):
        label = str(ConfirmationChannel(channel).label)
        note = _("Nộp hộ: %(helper)s khai giúp; người nộp xác nhận (%(how)s).") % {
            "helper": name_for_records(dossier.helper) or _("đại sứ số"),
            "how": label.lower(),
        }
    data = {
        "assisted": True,
        "helper": dossier.helper_id,
        "ambassador": ambassador_id,
        "channel": channel,
    }
    events.record(dossier, actor=actor, kind=EventKind.NOTE, reason=note, data=data)


def confirm_by_code(dossier: Dossier, helper: Any, code: str) -> Dossier:
    """The helper types the code the applicant read out. Right: the
    dossier is submitted. Wrong, expired or dead: AssistRefused, nothing
    submitted (a wrong try is still counted). Twice: the same dossier."""
    with transaction.atomic():
        record = _lock_pending(dossier, helper)
        if record.confirmed_at is not None:
            return Dossier.objects.get(pk=record.dossier_id)
        refusal = _code_refusal(record, "".join(code.split()))
        if refusal is None:
            return submit_confirmed(record, helper, record.channel)
    raise AssistRefused(refusal)


@transaction.atomic
def confirm_by_login(dossier: Dossier, applicant: Any) -> Dossier:
    """The applicant, logged in, presses "Xác nhận và nộp" on the draft."""
    record = (
        AssistedSubmission.objects.select_for_update()
        .select_related("dossier")
        .filter(dossier_id=dossier.pk, dossier__applicant_id=getattr(applicant, "pk", None))
        .first()
    )
    if record is None:
        raise PermissionDenied
    if record.confirmed_at is not None:
        return Dossier.objects.get(pk=record.dossier_id)
    return submit_confirmed(record, applicant, ConfirmationChannel.LOGIN)


@transaction.atomic
def cancel(dossier: Dossier, user: Any) -> None:
    """The applicant declines, or the helper gives up: the draft, its
    files and the pending record go. A submitted dossier stays."""
    uid = getattr(user, "pk", None)
    mine = Q(dossier__applicant_id=uid) | Q(ambassador__user_id=uid, dossier__helper_id=uid)
    record = (
        AssistedSubmission.objects.select_for_update()
        .filter(mine, dossier_id=dossier.pk, confirmed_at__isnull=True)
        .first()
    )
    if record is None:
        raise PermissionDenied
    record.delete()
    submission.discard_draft(dossier, user)
