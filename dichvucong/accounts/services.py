"""The operations other apps and the account views call.

Registration checks and creation, login within its limits, what an account
already knows about its holder (for pre-filling e-forms), and the name a
permanent record keeps for an account.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.contrib.auth import authenticate
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts import two_factor
from dichvucong.accounts.constants import (
    EID_LOCKED_FIELDS,
    AccountKind,
    AssuranceLevel,
    assurance_rank,
)
from dichvucong.accounts.models import CitizenProfile, NationalEidLink, OrganisationProfile, User
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.catalogue.services import (
    groups_by_ward_on,
    groups_of_ward,
    unit_on,
    ward_on,
    wards_on,
)
from dichvucong.lib.identity import describe_id_number
from dichvucong.throttle import Refused, client_address, rules, when_context

logger = logging.getLogger(__name__)

ID_NUMBER_TAKEN = _(
    "Số định danh cá nhân này đã có tài khoản. Nếu bạn đã đăng ký, hãy đăng nhập "
    "hoặc dùng chức năng quên mật khẩu. Nếu bạn chưa từng đăng ký, hãy mang thẻ căn cước "
    "đến Bộ phận Một cửa của UBND phường hoặc quận: cán bộ kiểm tra thẻ và trả lại "
    "tài khoản cho bạn."
)
TAX_CODE_TAKEN = _(
    "Mã số thuế này đã có tài khoản. Nếu đó là tổ chức của bạn, hãy đăng nhập "
    "hoặc dùng chức năng quên mật khẩu."
)
GROUP_NOT_IN_WARD = _("Tổ dân phố đã chọn không thuộc phường/xã đã chọn. Vui lòng chọn lại.")
GROUP_REQUIRED = _("Vui lòng chọn tổ dân phố nơi bạn ở.")
BIRTH_YEAR_MISMATCH = _(
    "Năm sinh không khớp với số định danh cá nhân (số thứ 4 đến số thứ 6). Vui lòng kiểm tra lại."
)
BIRTH_DATE_FUTURE = _("Ngày sinh không thể sau ngày hôm nay.")
INVALID_LOGIN = _("Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại.")
LOCKED_OUT = _(
    "Tạm dừng đăng nhập tài khoản này từ máy của bạn do nhập sai nhiều lần. "
    "Vui lòng thử lại sau %(time)s (khoảng %(minutes)s phút nữa)."
)
LOCKED_WRONG_CODE = _(
    "Mã xác thực không đúng, nên chưa thể đăng nhập trong lúc tạm dừng. "
    "Hãy nhập mã đang hiện trên ứng dụng xác thực, hoặc một mã dự phòng."
)


# --- Registration ---------------------------------------------------------------


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class RegistrationRefused(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("registration refused")
        self.errors = errors


@dataclass(frozen=True)
class CitizenRegistration:
    full_name: str
    id_number: str
    date_of_birth: date
    phone: str
    email: str
    address: str
    ward: AdminUnit
    residential_group: AdminUnit | None
    password: str


@dataclass(frozen=True)
class OrganisationRegistration:
    name: str
    tax_code: str
    representative: str
    phone: str
    email: str
    address: str
    ward: AdminUnit
    password: str


def id_number_taken(id_number: str) -> bool:
    # A staff user name or an admin-made profile may already hold the number.
    return (
        User.objects.filter(username=id_number).exists()
        or CitizenProfile.objects.filter(id_number=id_number).exists()
    )


def tax_code_taken(tax_code: str) -> bool:
    return (
        User.objects.filter(username=tax_code).exists()
        or OrganisationProfile.objects.filter(tax_code=tax_code).exists()
    )


def ward_choices(*, ended_too: bool = False) -> QuerySet[AdminUnit]:
    """The wards that exist today (an ended one stays in the database for
    the dossiers of its time, but no one picks it any more); `ended_too`
    for a field that only shows what the national e-ID said."""
    if ended_too:
        return AdminUnit.objects.filter(level=UnitLevel.WARD).order_by("name")
    return wards_on(timezone.localdate()).order_by("name")


def details_today(user: User) -> tuple[CitizenDetails, bool]:
    """A citizen's details for "Sửa thông tin", and whether the saved
    address names a unit that has ended: then today's ward and group are
    proposed (those the national e-ID gave stay as it said)."""
    current = citizen_details(user)
    profile = citizen_profile(user)
    if not address_outdated(profile):
        return current, False
    ward, group = address_today(current.ward, current.residential_group)
    if claims_locked(user):
        return replace(current, residential_group=group), True
    return replace(current, ward=ward, residential_group=group), True


@dataclass(frozen=True)
class OrganisationAddress:
    """What an organisation may keep up to date on "Sửa thông tin": the
    address of its seat."""

    address: str
    ward: AdminUnit | None


def organisation_address_today(user: User) -> tuple[OrganisationAddress, bool]:
    """As details_today for a citizen: the saved address, and whether its
    ward has ended; then today's ward is proposed where there is one (a
    ward merged whole; a split one leaves the choice to the holder)."""
    profile = OrganisationProfile.objects.select_related("ward").get(user=user)
    current = OrganisationAddress(profile.address, profile.ward)
    if not address_outdated(profile):
        return current, False
    ward, _group = address_today(profile.ward, None)
    return replace(current, ward=ward), True


def update_organisation_address(user: User, details: OrganisationAddress) -> None:
    OrganisationProfile.objects.filter(user=user).update(
        address=details.address, ward=details.ward
    )


def group_choices() -> QuerySet[AdminUnit]:
    """Every group that exists today: what the registration form accepts."""
    today = timezone.localdate()
    return AdminUnit.objects.valid_on(today).filter(level=UnitLevel.GROUP).select_related("parent")


def natural_key(text: str) -> list[Any]:
    """ "Tổ 2" before "Tổ 10": numbers inside a name compare as numbers."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text)]


def groups_by_ward() -> list[tuple[AdminUnit, list[AdminUnit]]]:
    """Each ward with its groups, both in natural order: the list reads in
    blocks of one ward without JavaScript, and a script can show one block."""
    groups = groups_by_ward_on(timezone.localdate())
    wards = sorted(ward_choices(), key=lambda ward: natural_key(ward.name))
    return [
        (ward, sorted(groups[ward.pk], key=lambda group: natural_key(group.name)))
        for ward in wards
        if ward.pk in groups
    ]


def address_errors(ward: AdminUnit | None, group: AdminUnit | None) -> list[FieldError]:
    """The group must lie in the ward today; it is required where the ward
    has groups."""
    if ward is None:
        return []
    today = timezone.localdate()
    if group is None:
        has_groups = bool(groups_of_ward(ward, today))
        return [FieldError("residential_group", gettext(GROUP_REQUIRED))] if has_groups else []
    if ward_on(group, today) != ward:
        return [FieldError("residential_group", gettext(GROUP_NOT_IN_WARD))]
    return []


def address_outdated(profile: CitizenProfile | OrganisationProfile | None) -> bool:
    """Does the saved address name a ward or group that no longer exists
    (a reorganisation)? The account works all the same; its holder is
    asked to pick today's."""
    if profile is None:
        return False
    today = timezone.localdate()
    units = [profile.ward, getattr(profile, "residential_group", None)]
    return any(unit is not None and not unit.is_valid_on(today) for unit in units)


def address_today(
    ward: AdminUnit | None, group: AdminUnit | None
) -> tuple[AdminUnit | None, AdminUnit | None]:
    """The ward and group a saved address lies in today, following the
    reorganisation by residential group (None where no single answer)."""
    today = timezone.localdate()
    new_ward = ward_on(group or ward, today) if (group or ward) is not None else None
    if new_ward is None and group is not None and ward is not None:
        new_ward = ward_on(ward, today)
    new_group = unit_on(group, today) if group is not None else None
    if new_group is not None and (new_ward is None or ward_on(new_group, today) != new_ward):
        new_group = None
    return new_ward, new_group


def birth_date_errors(id_number: str | None, date_of_birth: date | None) -> list[FieldError]:
    if date_of_birth is None:
        return []
    if date_of_birth > timezone.localdate():
        return [FieldError("date_of_birth", gettext(BIRTH_DATE_FUTURE))]
    if id_number and describe_id_number(id_number).birth_year != date_of_birth.year:
        return [FieldError("date_of_birth", gettext(BIRTH_YEAR_MISMATCH))]
    return []


def citizen_registration_errors(
    *,
    id_number: str | None = None,
    date_of_birth: date | None = None,
    ward: AdminUnit | None = None,
    residential_group: AdminUnit | None = None,
) -> list[FieldError]:
    """Every rule a citizen registration breaks, given what is known so far
    (the form calls this with partial data to show all messages at once)."""
    errors: list[FieldError] = []
    if id_number and id_number_taken(id_number):
        errors.append(FieldError("id_number", gettext(ID_NUMBER_TAKEN)))
    errors += birth_date_errors(id_number, date_of_birth)
    errors += address_errors(ward, residential_group)
    return errors


def organisation_registration_errors(*, tax_code: str | None = None) -> list[FieldError]:
    if tax_code and tax_code_taken(tax_code):
        return [FieldError("tax_code", gettext(TAX_CODE_TAKEN))]
    return []


def register_citizen(data: CitizenRegistration) -> User:
    """Create the login (user name = ID number) and the citizen profile
    together, or neither."""
    errors = citizen_registration_errors(
        id_number=data.id_number,
        date_of_birth=data.date_of_birth,
        ward=data.ward,
        residential_group=data.residential_group,
    )
    if errors:
        raise RegistrationRefused(errors)
    login = Login(data.id_number, data.password, data.email, data.full_name, AccountKind.CITIZEN)
    profile = {
        # Nobody has checked the phone yet (phone_confirmation.py).
        "assurance": AssuranceLevel.SELF_DECLARED,
        "id_number": data.id_number,
        "date_of_birth": data.date_of_birth,
        "phone": data.phone,
        "address": data.address,
        "ward": data.ward,
        "residential_group": data.residential_group,
    }
    # Someone may register the same number between the check and now.
    taken = FieldError("id_number", gettext(ID_NUMBER_TAKEN))
    return _create_account(login, CitizenProfile, profile, taken)


def register_organisation(data: OrganisationRegistration) -> User:
    """Create the login (user name = tax code) and the organisation profile
    together, or neither."""
    errors = organisation_registration_errors(tax_code=data.tax_code)
    if errors:
        raise RegistrationRefused(errors)
    login = Login(data.tax_code, data.password, data.email, data.name, AccountKind.ORGANISATION)
    profile = {
        "assurance": AssuranceLevel.SELF_DECLARED,
        "name": data.name,
        "tax_code": data.tax_code,
        "representative": data.representative,
        "phone": data.phone,
        "address": data.address,
        "ward": data.ward,
    }
    taken = FieldError("tax_code", gettext(TAX_CODE_TAKEN))
    return _create_account(login, OrganisationProfile, profile, taken)


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    email: str
    full_name: str
    kind: str


def _create_account(
    login: Login, profile_model: type[models.Model], profile: dict[str, Any], taken: FieldError
) -> User:
    """The login and its profile together, or neither; `taken` is the
    refusal when the user name was registered in the meantime."""
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=login.username,
                password=login.password,
                email=login.email,
                full_name=login.full_name,
                kind=login.kind,
            )
            profile_model.objects.create(user=user, **profile)
    except IntegrityError as exc:
        raise RegistrationRefused([taken]) from exc
    return user


# --- A citizen's own details ------------------------------------------------------

FROM_PROVIDER = _("Thông tin này lấy từ định danh điện tử VNeID nên không sửa được.")


@dataclass(frozen=True)
class CitizenDetails:
    """What a citizen may keep up to date on "Sửa thông tin"."""

    full_name: str
    date_of_birth: date | None
    email: str
    address: str
    ward: AdminUnit | None
    residential_group: AdminUnit | None


def claims_locked(user: Any) -> bool:
    """Are the name, date of birth and address the national e-ID's
    (EID_LOCKED_FIELDS)?"""
    return bool(user.pk) and NationalEidLink.objects.filter(user_id=user.pk).exists()


def citizen_details(user: User) -> CitizenDetails:
    profile = CitizenProfile.objects.select_related("ward", "residential_group").get(user=user)
    return CitizenDetails(
        full_name=user.full_name,
        date_of_birth=profile.date_of_birth,
        email=user.email,
        address=profile.address,
        ward=profile.ward,
        residential_group=profile.residential_group,
    )


def update_citizen_details(user: User, details: CitizenDetails) -> None:
    """Raises RegistrationRefused: a change to what the national e-ID
    says (whatever the page sent), a birth date against the ID number, a
    group outside the ward."""
    current = citizen_details(user)
    errors = [
        FieldError(name, gettext(FROM_PROVIDER))
        for name in EID_LOCKED_FIELDS
        if getattr(details, name) != getattr(current, name) and claims_locked(user)
    ]
    id_number = CitizenProfile.objects.filter(user=user).values_list("id_number", flat=True)
    errors += birth_date_errors(id_number.first(), details.date_of_birth)
    errors += address_errors(details.ward, details.residential_group)
    if errors:
        raise RegistrationRefused(errors)
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(full_name=details.full_name, email=details.email)
        CitizenProfile.objects.filter(user=user).update(
            date_of_birth=details.date_of_birth,
            address=details.address,
            ward=details.ward,
            residential_group=details.residential_group,
        )


# --- Login and its limits --------------------------------------------------------


class LoginRefused(Exception):
    """`refused` is set when a limit refused the attempt (answered 429)."""

    def __init__(self, message: str, code: str, refused: Refused | None = None) -> None:
        super().__init__(code)
        self.message = message
        self.code = code
        self.refused = refused


def normalise_login_name(raw: str) -> str:
    """The user name as stored: people type ID numbers in groups of digits,
    and branch tax codes without the dash. User names never hold spaces."""
    name = "".join(raw.split())
    if len(name) == 13 and name.isascii() and name.isdigit():
        name = f"{name[:10]}-{name[10:]}"
    return name


def login_account(login_name: str) -> str:
    """What the login limits count for a typed name (hashed by the
    throttle before it reaches the cache). Case-folded so "Admin" and
    "admin" share one count."""
    return normalise_login_name(login_name).casefold()


def _address(request: HttpRequest | None) -> str:
    return client_address(request) if request is not None else ""


def lockout_message(refused: Refused) -> str:
    when = when_context(refused)
    return gettext(LOCKED_OUT) % {
        "time": when["retry_at"].strftime("%H:%M"),
        "minutes": when["retry_minutes"],
    }


def clear_login_failures(login_name: str, request: HttpRequest | None = None) -> None:
    """The owner proved who they are another way (a password reset): the
    account is no longer guarded, and this client's own lock lifts."""
    account = login_account(login_name)
    rules.LOGIN.forgive(account)
    if request is not None:
        rules.LOGIN.succeeded(account, _address(request))


def _pass_lock(request: HttpRequest | None, name: str, code: str, refused: Refused) -> Any:
    """A refused log-in goes on only with a right second-factor code
    (two_factor.pass_lock); the device that accepted it."""
    if request is None or not code.strip():
        logger.warning("Login refused by the %s limit", refused.refusal.scope)
        raise LoginRefused(lockout_message(refused), "locked", refused)
    try:
        device = two_factor.pass_lock(request, User.objects.filter(username=name).first(), code)
    except Refused as code_refused:
        raise LoginRefused(lockout_message(code_refused), "locked", code_refused) from None
    if device is None:
        raise LoginRefused(gettext(LOCKED_WRONG_CODE), "locked", refused)
    return device


def authenticate_login(
    request: HttpRequest | None, login_name: str, password: str, code: str = ""
) -> User:
    """The user for these credentials, or LoginRefused. The limits come
    first (dichvucong/throttle explains them): a refused attempt checks no
    password and counts nothing, unless a member of staff passes the lock
    with a second-factor code, which then also verifies the session."""
    name = normalise_login_name(login_name)
    account, address = name.casefold(), _address(request)
    device = None
    try:
        rules.LOGIN.check(account, address)
    except Refused as refused:
        device = _pass_lock(request, name, code, refused)
    user = authenticate(request, username=name, password=password)
    if user is None:
        rules.LOGIN.failed(account, address)
        raise LoginRefused(gettext(INVALID_LOGIN), "invalid_login")
    rules.LOGIN.succeeded(account, address)
    if device is not None:
        # django-otp marks the session verified when Django logs the user in.
        user.otp_device = device  # type: ignore[attr-defined]
    return user  # type: ignore[return-value]


# --- What an account knows ------------------------------------------------------


def citizen_profile(user: User) -> CitizenProfile | None:
    related = CitizenProfile.objects.select_related("ward", "residential_group")
    return related.filter(user=user).first()


def organisation_profile(user: User) -> OrganisationProfile | None:
    return OrganisationProfile.objects.select_related("ward").filter(user=user).first()


def contact_phone(user: User) -> str:
    profile = citizen_profile(user) or organisation_profile(user)
    return profile.phone if profile is not None else ""


def full_address(street: str, group: AdminUnit | None, ward: AdminUnit | None) -> str:
    """ "12 ngõ 5, Tổ 3, Phường Khương Trung, Quận Thanh Xuân, Hà Nội"."""
    parts = [street, group.name if group else "", ward.full_name() if ward else ""]
    return ", ".join(part for part in parts if part)


def prefill_values(user: User) -> dict[str, str]:
    """What the account already knows, under the e-form prefill names
    (catalogue.forms_schema.PREFILL_SOURCES). Only keys with a value."""
    values = {"full_name": user.full_name, "email": user.email}
    citizen = citizen_profile(user)
    if citizen is not None:
        values["id_number"] = citizen.id_number
        values["phone"] = citizen.phone
        values["address"] = full_address(citizen.address, citizen.residential_group, citizen.ward)
        if citizen.date_of_birth:
            values["date_of_birth"] = citizen.date_of_birth.strftime("%d/%m/%Y")
    organisation = organisation_profile(user)
    if organisation is not None:
        values["phone"] = organisation.phone
        values["address"] = full_address(organisation.address, None, organisation.ward)
    return {key: value for key, value in values.items() if value}


# --- The name a permanent record keeps ------------------------------------------

# Rules that give a pseudonym for some accounts, registered by the apps that
# know those accounts (AppConfig.ready); None from a rule: not its account.
RecordNameRule = Callable[[User], str | None]
_record_name_rules: list[RecordNameRule] = []


def register_record_name_rule(rule: RecordNameRule) -> None:
    if rule not in _record_name_rules:
        _record_name_rules.append(rule)


def name_for_records(user: Any) -> str:
    """The name written for `user` into records that are never erased, such
    as the dossier event log (append-only, hash-chained): the full name of
    staff and adult applicants, so the record says who acted; a pseudonym
    when a registered rule gives one, for someone whose personal data must
    stay erasable (outreach: a pupil ambassador, a minor). "" for no user.

    Accounts knows nothing of pupils, and the dossiers app imports nothing
    of outreach: hence the rules, of which outreach registers its one."""
    if not getattr(user, "pk", None):
        return ""
    for rule in _record_name_rules:
        pseudonym = rule(user)
        if pseudonym:
            return pseudonym
    return str(user.get_full_name())


# --- Level of assurance ------------------------------------------------------------

NEEDS_PHONE = _(
    "Tài khoản của bạn chưa xác nhận số điện thoại nên chưa nộp được hồ sơ; bản nháp vẫn "
    "được giữ. Vào “Tài khoản của tôi”, bấm “Xác nhận số điện thoại”, nhập mã 6 số "
    "gửi tới điện thoại của bạn, rồi nộp lại."
)
NEEDS_COUNTER = _(
    "Thủ tục này chỉ nhận hồ sơ trực tuyến từ tài khoản đã được xác minh tại Bộ phận Một cửa; "
    "bản nháp vẫn được giữ. Hãy mang thẻ căn cước đến Bộ phận Một cửa của UBND phường "
    "hoặc quận để cán bộ xác minh, rồi nộp lại."
)
NEEDS_NATIONAL_EID = _(
    "Thủ tục này chỉ nhận hồ sơ trực tuyến từ tài khoản định danh điện tử quốc gia (VNeID), "
    "chưa kết nối với hệ thống; bản nháp vẫn được giữ. Bạn có thể nộp trực tiếp tại "
    "Bộ phận Một cửa."
)
RAISE_LEVEL = {
    AssuranceLevel.PHONE_CONFIRMED: NEEDS_PHONE,
    AssuranceLevel.COUNTER_VERIFIED: NEEDS_COUNTER,
    AssuranceLevel.NATIONAL_EID: NEEDS_NATIONAL_EID,
}


def account_assurance(user_id: int | None) -> str:
    """The level of the account with this id; an account without a
    profile (staff, a service account) is only what it says of itself."""
    # One query: a page showing it (the back-office dossier) counts them.
    levels = User.objects.filter(pk=user_id).values_list(
        "citizen__assurance", "organisation__assurance"
    )
    for level in levels.first() or ():
        if level:
            return str(level)
    return AssuranceLevel.SELF_DECLARED


def profile_assurance(user: Any) -> str:
    """The level read from profiles already loaded with the user
    (select_related("…citizen", "…organisation")): no query."""
    for name in ("citizen", "organisation"):
        try:
            return str(getattr(user, name).assurance)
        except (AttributeError, ObjectDoesNotExist):
            continue
    return AssuranceLevel.SELF_DECLARED


def assurance_of(user: Any) -> str:
    return account_assurance(getattr(user, "pk", None))


def assurance_refusal(user: Any, required: str) -> str | None:
    """Why `user` may not submit online to a procedure asking for the
    level `required`, saying how to raise it; None when they may. No
    procedure asks for less than a confirmed phone, and none is served to
    an account below it (catalogue PROCEDURE_MINIMUM_CHOICES)."""
    if assurance_rank(required) < assurance_rank(AssuranceLevel.PHONE_CONFIRMED):
        required = AssuranceLevel.PHONE_CONFIRMED
    if assurance_rank(assurance_of(user)) >= assurance_rank(required):
        return None
    return gettext(RAISE_LEVEL[AssuranceLevel(required)])


# --- The name staff read for someone who helped an applicant -------------------

# Rules for helpers some app knows better (outreach: a pupil's name and school);
# None from a rule: not its account.
_helper_name_rules: list[RecordNameRule] = []


def register_helper_name_rule(rule: RecordNameRule) -> None:
    if rule not in _helper_name_rules:
        _helper_name_rules.append(rule)


def helper_name_for_staff(user: Any) -> str:
    """How the back office names someone who submitted for an applicant:
    a pupil ambassador by name and school (the minimum, DESIGN.md §6),
    anyone else by full name. Pages only: records keep name_for_records."""
    if not getattr(user, "pk", None):
        return ""
    for rule in _helper_name_rules:
        name = rule(user)
        if name:
            return name
    return str(user.get_full_name() or user.get_username())


def choose_zalo(citizen: CitizenProfile, by_zalo: bool) -> None:
    """The citizen's choice of Zalo over SMS for status messages."""
    CitizenProfile.objects.filter(pk=citizen.pk).update(notify_by_zalo=by_zalo)
