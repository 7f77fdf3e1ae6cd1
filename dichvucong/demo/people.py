"""Demo accounts: one per role, and the staff of two wards so that access
separation between units can be shown. Demo only: one shared password."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django_otp.plugins.otp_totp.models import TOTPDevice

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import CitizenProfile, OrganisationProfile, StaffRole, User
from dichvucong.accounts.two_factor import (
    APP_DEVICE_NAME,
    recovery_codes_left,
    replace_recovery_codes,
)
from dichvucong.catalogue.models import Agency
from dichvucong.demo.master import Master
from dichvucong.demo.store import Tally, upsert

DEMO_PASSWORD = "demo12345"
ONE_STOP = "Văn phòng HĐND và UBND quận"
EDUCATION = "Phòng Giáo dục và Đào tạo"

# 001 = Hà Nội, 0 = male born in the 1900s, 90 = 1990, then six serial digits;
# the profile below agrees with it.
CITIZEN_ID = "001090012345"
ORGANISATION_TAX_CODE = "0101234567"


@dataclass(frozen=True)
class StaffSpec:
    username: str
    full_name: str
    role: Role
    # "ward:<name>", "dept:<name prefix>" or "district" (the district committee)
    where: str
    school: str | None = None
    superuser: bool = False


STAFF = [
    StaffSpec("kmai.motcua", "Phạm Thu Hà", Role.RECEPTIONIST, "ward:Khương Mai"),
    StaffSpec("kmai.chuyenvien", "Đỗ Minh Tuấn", Role.SPECIALIST, "ward:Khương Mai"),
    StaffSpec("kmai.lanhdao", "Hoàng Văn Nam", Role.LEADER, "ward:Khương Mai"),
    StaffSpec("kdinh.motcua", "Vũ Thị Lan", Role.RECEPTIONIST, "ward:Khương Đình"),
    StaffSpec("kdinh.chuyenvien", "Bùi Quang Huy", Role.SPECIALIST, "ward:Khương Đình"),
    StaffSpec("kdinh.lanhdao", "Ngô Thị Thanh", Role.LEADER, "ward:Khương Đình"),
    StaffSpec("tuphap.motcua", "Đặng Thu Trang", Role.RECEPTIONIST, "dept:Phòng Tư pháp"),
    StaffSpec("tuphap.chuyenvien", "Lý Văn Đức", Role.SPECIALIST, "dept:Phòng Tư pháp"),
    StaffSpec("tuphap.lanhdao", "Trịnh Thị Mai", Role.LEADER, "dept:Phòng Tư pháp"),
    # The district's one-stop office receives for every department: its
    # receptionist holds the role at the district committee, which covers
    # the departments (dossiers.access).
    StaffSpec("motcuaquan.motcua", "Phan Thị Hồng", Role.RECEPTIONIST, "district"),
    StaffSpec("quantri", "Quản trị hệ thống", Role.ADMINISTRATOR, "district", superuser=True),
    StaffSpec("gddt", "Nguyễn Thị Thu", Role.EDUCATION_OFFICE, f"dept:{EDUCATION}"),
    StaffSpec(
        "thcs.khuongdinh",
        "Trần Văn Khoa",
        Role.SCHOOL_COORDINATOR,
        f"dept:{EDUCATION}",
        school="THCS Khương Đình",
    ),
    StaffSpec("lanhdaoquan", "Lê Văn Quang", Role.DISTRICT_LEADERSHIP, "district"),
]


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    unit: str


def load_people(
    master: Master, tally: Tally, *, reset_passwords: bool = False
) -> list[DemoAccount]:
    accounts = [
        _citizen(master, tally, reset_passwords),
        _organisation(master, tally, reset_passwords),
    ]
    for spec in STAFF:
        accounts.append(_staff(spec, master, tally, reset_passwords))
    return accounts


def _user(username: str, values: dict[str, object], tally: Tally, reset: bool) -> User:
    user = upsert(User, tally, {"username": username}, values)
    # Only a new account (or an explicit reset) gets the demo password, so a
    # second load leaves a password someone changed alone and hashes nothing.
    if reset or not user.password:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _citizen(master: Master, tally: Tally, reset: bool) -> DemoAccount:
    ward = master.wards["Khương Mai"]
    user = _user(
        CITIZEN_ID,
        {
            "full_name": "Nguyễn Văn An",
            "kind": AccountKind.CITIZEN,
            "email": "nguyenvanan@example.com",
        },
        tally,
        reset,
    )
    upsert(
        CitizenProfile,
        tally,
        {"user": user},
        {
            "id_number": CITIZEN_ID,
            "date_of_birth": datetime.date(1990, 5, 14),
            "phone": "0912345678",
            "address": "Số 15, ngõ 2",
            "ward": ward,
            "residential_group": ward.children.get(name="Tổ dân phố 3"),
        },
    )
    return DemoAccount(str(AccountKind.CITIZEN.label), user.username, ward.name)


def _organisation(master: Master, tally: Tally, reset: bool) -> DemoAccount:
    ward = master.wards["Khương Đình"]
    name = "Công ty TNHH Dịch vụ Thương mại Khương Đình (demo)"
    user = _user(
        ORGANISATION_TAX_CODE,
        {"full_name": name, "kind": AccountKind.ORGANISATION, "email": "lienhe@example.com"},
        tally,
        reset,
    )
    upsert(
        OrganisationProfile,
        tally,
        {"user": user},
        {
            "name": name,
            "tax_code": ORGANISATION_TAX_CODE,
            "representative": "Lê Thị Hoa",
            "phone": "0987654321",
            "address": "Số 8, ngõ 1",
            "ward": ward,
        },
    )
    return DemoAccount(str(AccountKind.ORGANISATION.label), user.username, ward.name)


def _staff(spec: StaffSpec, master: Master, tally: Tally, reset: bool) -> DemoAccount:
    user = _user(
        spec.username,
        {
            "full_name": spec.full_name,
            "kind": AccountKind.STAFF,
            # Django admin is for master data, hence for the administrator only.
            "is_staff": spec.superuser,
            "is_superuser": spec.superuser,
        },
        tally,
        reset,
    )
    agency = _agency(spec.where, master)
    school = master.schools[spec.school] if spec.school else None
    upsert(
        StaffRole, tally, {"user": user, "role": spec.role, "agency": agency}, {"school": school}
    )
    _authenticator(user, tally)
    unit = f"{school.name} ({agency.name})" if school else agency.name
    return DemoAccount(str(spec.role.label), user.username, unit)


def _authenticator(user: User, tally: Tally) -> None:
    """A confirmed authenticator for a demo officer, whose current code the
    demo page shows (demo mode only): staff still pass the second factor,
    as in production, without a phone at hand."""
    if not TOTPDevice.objects.filter(user=user).exists():
        TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)
        tally.created[TOTPDevice._meta.label] += 1
    # And a full set of recovery codes, as enrolment gives, so the profile
    # does not greet the officer with "0 mã dự phòng".
    if recovery_codes_left(user) == 0:
        replace_recovery_codes(user)


def _agency(where: str, master: Master) -> Agency:
    kind, _sep, name = where.partition(":")
    if kind == "ward":
        return master.ward_committees[name]
    if kind == "dept":
        return master.department(name)
    assert master.district_committee is not None
    return master.district_committee
