"""The cast of the ambassador tests: the dossiers cast (two wards, their
staff, an applicant, the birth-registration procedure) plus a campaign, a
school in ward A, pupil ambassador Hà (group 1 of ward A) with her login,
and pupil ambassador Long of another group, who must see nothing of Hà's
work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from dichvucong.accounts.constants import AccountKind, AssuranceLevel
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.testing import Cast, make_cast
from dichvucong.outreach import services
from dichvucong.outreach.constants import ConsentGiver, ConsentMethod
from dichvucong.outreach.models import Ambassador, Campaign, Guardian, Pupil, School, SchoolClass
from dichvucong.outreach.practice import create_pupil_account
from dichvucong.outreach.schoolyear import bounds, school_year_of, start_year


@dataclass
class HelpersCast:
    cast: Cast
    campaign: Campaign
    school: School
    school_class: SchoolClass
    group_b: AdminUnit
    pupil: Pupil
    helper: User
    helper_password: str
    other_pupil: Pupil
    other_helper: User
    neighbour: User


def add_pupil(school_class: SchoolClass, name: str, group: AdminUnit) -> Pupil:
    guardian = Guardian.objects.create(full_name="Phụ huynh " + name, phone="0903123456")
    pupil = Pupil.objects.create(
        school_class=school_class,
        full_name=name,
        birth_year=start_year(school_class.school_year) - 13,
        guardian=guardian,
        ambassador_group=group,
    )
    for giver in (ConsentGiver.GUARDIAN, ConsentGiver.PUPIL):
        services.record_consent(pupil, giver=giver, given=True, method=ConsentMethod.PAPER, by=None)
    return pupil


def add_neighbour(
    full_name: str = "Phạm Thị Lan", id_number: str = "001185012345", phone: str = "0977123456"
) -> User:
    """A resident with an account of her own whose phone she confirmed:
    the code of an assisted submission may go to that phone, and only to
    a phone like it (outreach.contacts)."""
    user = User.objects.create_user(
        username=id_number,
        password=None,
        full_name=full_name,
        kind=AccountKind.CITIZEN,
        # Registered long before any help: not a "new applicant" (flags.py).
        date_joined=timezone.now() - timedelta(days=400),
    )
    CitizenProfile.objects.create(
        user=user, id_number=id_number, phone=phone, assurance=AssuranceLevel.PHONE_CONFIRMED
    )
    return user


def make_helpers_cast() -> HelpersCast:
    cast = make_cast()
    group_b = AdminUnit.objects.create(
        name="Tổ dân phố 7", code="T-KD-7", level=UnitLevel.GROUP, parent=cast.ward_b
    )
    # The campaign of this school year: ambassadors help only within it.
    year = school_year_of(timezone.localdate())
    first, _after = bounds(year)
    campaign = Campaign.objects.create(
        title=f"Đại sứ số {year}",
        lead_agency=cast.agency_a,
        start_date=first,
        end_date=first + timedelta(days=15),
    )
    school = School.objects.create(name="THCS Khương Mai", ward=cast.ward_a)
    campaign.schools.set([school])
    school_class = SchoolClass.objects.create(school=school, name="8A1", school_year=year)
    pupil = add_pupil(school_class, "Trần Thu Hà", cast.group_a)
    other = add_pupil(school_class, "Lê Minh Long", group_b)
    login = create_pupil_account(pupil, by=None)
    other_login = create_pupil_account(other, by=None)
    # Both have been ambassadors since the campaign began.
    Ambassador.objects.filter(campaign=campaign).update(since=first)
    return HelpersCast(
        cast=cast,
        campaign=campaign,
        school=school,
        school_class=school_class,
        group_b=group_b,
        pupil=pupil,
        helper=User.objects.get(username=login.username),
        helper_password=login.password,
        other_pupil=other,
        other_helper=User.objects.get(username=other_login.username),
        neighbour=add_neighbour(),
    )
