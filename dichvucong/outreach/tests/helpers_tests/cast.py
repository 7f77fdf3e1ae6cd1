"""The cast of the ambassador tests: the dossiers cast (two wards, their
staff, an applicant, the birth-registration procedure) plus a campaign, a
school in ward A, pupil ambassador Hà (group 1 of ward A) with her login,
and pupil ambassador Long of another group, who must see nothing of Hà's
work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dichvucong.accounts.models import User
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.testing import Cast, make_cast
from dichvucong.outreach import services
from dichvucong.outreach.constants import ConsentGiver, ConsentMethod
from dichvucong.outreach.models import Campaign, Guardian, Pupil, School, SchoolClass
from dichvucong.outreach.practice import create_pupil_account


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


def add_pupil(school_class: SchoolClass, name: str, group: AdminUnit) -> Pupil:
    guardian = Guardian.objects.create(full_name="Phụ huynh " + name, phone="0903123456")
    pupil = Pupil.objects.create(
        school_class=school_class,
        full_name=name,
        birth_year=2003,
        guardian=guardian,
        ambassador_group=group,
    )
    for giver in (ConsentGiver.GUARDIAN, ConsentGiver.PUPIL):
        services.record_consent(pupil, giver=giver, given=True, method=ConsentMethod.PAPER, by=None)
    return pupil


def make_helpers_cast() -> HelpersCast:
    cast = make_cast()
    group_b = AdminUnit.objects.create(
        name="Tổ dân phố 7", code="T-KD-7", level=UnitLevel.GROUP, parent=cast.ward_b
    )
    campaign = Campaign.objects.create(
        title="Đại sứ số 2017",
        lead_agency=cast.agency_a,
        start_date=date(2017, 3, 1),
        end_date=date(2017, 3, 16),
    )
    school = School.objects.create(name="THCS Khương Mai", ward=cast.ward_a)
    campaign.schools.set([school])
    school_class = SchoolClass.objects.create(school=school, name="8A1", school_year="2016-2017")
    pupil = add_pupil(school_class, "Trần Thu Hà", cast.group_a)
    other = add_pupil(school_class, "Lê Minh Long", group_b)
    login = create_pupil_account(pupil, by=None)
    other_login = create_pupil_account(other, by=None)
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
    )
