"""The usual cast for outreach tests: a district with two wards, its
education office and leadership, school A and school B in the 2017
campaign with one grade-8 class each, their coordinators, a citizen and a
ward receptionist (who must see nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.catalogue.constants import AgencyKind, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.outreach.models import Campaign, Guardian, Pupil, School, SchoolClass

PASSWORD = "matkhau-demo-1"
SCHOOL_YEAR = "2016-2017"


@dataclass
class OutreachCast:
    district: AdminUnit
    ward_a: AdminUnit
    ward_b: AdminUnit
    group_a: AdminUnit
    committee: Agency
    education_agency: Agency
    ward_agency: Agency
    school_a: School
    school_b: School
    campaign: Campaign
    class_a: SchoolClass
    class_b: SchoolClass
    education: User
    leadership: User
    coordinator_a: User
    coordinator_b: User
    citizen: User
    receptionist: User


def _unit(name: str, code: str, level: str, parent: AdminUnit | None) -> AdminUnit:
    return AdminUnit.objects.create(name=name, code=code, level=level, parent=parent)


def _staff(username: str, role: str, agency: Agency, school: School | None = None) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, full_name=username, kind=AccountKind.STAFF
    )
    StaffRole.objects.create(user=user, role=role, agency=agency, school=school)
    return user


def make_outreach_cast() -> OutreachCast:
    city = _unit("Hà Nội", "O-H26", UnitLevel.CITY, None)
    district = _unit("Thanh Xuân", "O-TX", UnitLevel.DISTRICT, city)
    ward_a = _unit("Khương Đình", "O-KD", UnitLevel.WARD, district)
    ward_b = _unit("Kim Giang", "O-KG", UnitLevel.WARD, district)
    group_a = _unit("Tổ dân phố 1", "O-KD-1", UnitLevel.GROUP, ward_a)
    committee = Agency.objects.create(
        name="UBND quận Thanh Xuân",
        unit_code="O.TX",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=district,
    )
    education_agency = Agency.objects.create(
        name="Phòng Giáo dục và Đào tạo",
        unit_code="O.GD",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=district,
        parent=committee,
    )
    ward_agency = Agency.objects.create(
        name="UBND phường Khương Đình",
        unit_code="O.KD",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=ward_a,
    )
    school_a = School.objects.create(name="THCS Khương Đình", ward=ward_a)
    school_b = School.objects.create(name="THCS Kim Giang", ward=ward_b)
    campaign = Campaign.objects.create(
        title="Tuyên truyền dịch vụ công trực tuyến cho học sinh lớp 8",
        lead_agency=education_agency,
        start_date=date(2017, 3, 1),
        end_date=date(2017, 3, 16),
    )
    campaign.schools.set([school_a, school_b])
    citizen = User.objects.create_user(
        username="001090012345", password=PASSWORD, full_name="Nguyễn Văn An"
    )
    return OutreachCast(
        district=district,
        ward_a=ward_a,
        ward_b=ward_b,
        group_a=group_a,
        committee=committee,
        education_agency=education_agency,
        ward_agency=ward_agency,
        school_a=school_a,
        school_b=school_b,
        campaign=campaign,
        class_a=SchoolClass.objects.create(school=school_a, name="8A1", school_year=SCHOOL_YEAR),
        class_b=SchoolClass.objects.create(school=school_b, name="8B1", school_year=SCHOOL_YEAR),
        education=_staff("gddt", Role.EDUCATION_OFFICE, education_agency),
        leadership=_staff("lanhdaoquan", Role.DISTRICT_LEADERSHIP, committee),
        coordinator_a=_staff("thcs.a", Role.SCHOOL_COORDINATOR, education_agency, school_a),
        coordinator_b=_staff("thcs.b", Role.SCHOOL_COORDINATOR, education_agency, school_b),
        citizen=citizen,
        receptionist=_staff("motcua", Role.RECEPTIONIST, ward_agency),
    )


def add_pupil(
    school_class: SchoolClass,
    name: str = "Trần Thu Hà",
    year: int | None = 2003,
    guardian: Guardian | None = None,
) -> Pupil:
    guardian = guardian or Guardian.objects.create(full_name="Trần Văn Bình", phone="0912345678")
    return Pupil.objects.create(
        school_class=school_class, full_name=name, birth_year=year, guardian=guardian
    )
