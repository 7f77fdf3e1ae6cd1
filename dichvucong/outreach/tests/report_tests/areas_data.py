"""Generated households for the residential-area tests: citizens placed in
groups of two wards (some with a ward only, some nowhere, one in another
district), an organisation, dossiers across the school year in every
status, drafts and practice dossiers that must not count, and active and
inactive ambassadors."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import CitizenProfile, OrganisationProfile, User
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast
from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.tests.cast import OutreachCast

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
MONTHS = [(2016, m) for m in (9, 10, 11, 12)] + [(2017, m) for m in (1, 3, 4, 5)]  # no February


@dataclass
class Places:
    groups: list[AdminUnit]
    elsewhere: AdminUnit  # a group of a ward in another district
    citizens: list[User]


def _groups(oc: OutreachCast) -> tuple[list[AdminUnit], AdminUnit]:
    groups = [oc.group_a]
    for ward, numbers in ((oc.ward_a, (2, 3)), (oc.ward_b, (1, 2, 3))):
        for number in numbers:
            groups.append(
                AdminUnit.objects.create(
                    name=f"Tổ dân phố {number}",
                    code=f"{ward.code}-{number}",
                    level=UnitLevel.GROUP,
                    parent=ward,
                )
            )
    other = AdminUnit.objects.create(name="Quận khác", code="Z-D", level=UnitLevel.DISTRICT)
    ward = AdminUnit.objects.create(
        name="Phường xa", code="Z-W", level=UnitLevel.WARD, parent=other
    )
    far = AdminUnit.objects.create(name="Tổ xa", code="Z-G", level=UnitLevel.GROUP, parent=ward)
    return groups, far


def _citizen(number: int, ward: AdminUnit | None, group: AdminUnit | None) -> User:
    id_number = f"0010{80 + number % 19:02d}{700000 + number:06d}"
    user = User.objects.create(
        username=id_number, full_name=f"Công dân Thử {number}", kind=AccountKind.CITIZEN
    )
    CitizenProfile.objects.create(
        user=user,
        id_number=id_number,
        phone=f"09120{number:05d}",
        ward=ward,
        residential_group=group,
    )
    return user


def _people(rng: random.Random, groups: list[AdminUnit], far: AdminUnit) -> list[User]:
    people = []
    for number in range(40):
        group = rng.choice([*groups, None, far])
        ward = group.parent if group else rng.choice([groups[0].parent, groups[-1].parent, None])
        people.append(_citizen(number, ward, group))
    organisation = User.objects.create(username="0109999999", kind=AccountKind.ORGANISATION)
    OrganisationProfile.objects.create(
        user=organisation,
        name="Công ty Thử",
        tax_code="0109999999",
        representative="A",
        phone="0912000999",
        ward=groups[0].parent,
    )
    return [*people, organisation]


def _dossier(dc: Cast, applicant: User, status: int, when: datetime | None, practice: bool) -> None:
    Dossier.objects.create(
        procedure=dc.procedure,
        agency=dc.agency_a,
        applicant=applicant,
        applicant_name=applicant.full_name,
        status=status,
        submitted_at=when,
        is_practice=practice,
    )


def _dossiers(rng: random.Random, dc: Cast, people: list[User]) -> None:
    for applicant in people:
        for _n in range(rng.randint(0, 3)):
            year, month = rng.choice(MONTHS)
            when = datetime(year, month, rng.randint(1, 28), rng.randint(0, 23), tzinfo=HANOI)
            kind = rng.choice(["real"] * 5 + ["draft", "practice"])
            status = 0 if kind == "draft" else rng.choice([1, 2, 3, 4, 7, 9, 10])
            _dossier(dc, applicant, status, None if kind == "draft" else when, kind == "practice")
    # Month boundaries in Hà Nội time: 1 Oct 2016 00:30 local is 30 Sept in UTC.
    _dossier(dc, people[0], 1, datetime(2016, 10, 1, 0, 30, tzinfo=HANOI), False)
    # Someone whose profile names a ward but no residential group.
    ward_only = next(
        p
        for p in people
        if p.kind == AccountKind.CITIZEN and not p.citizen.residential_group and p.citizen.ward
    )
    _dossier(dc, ward_only, 2, datetime(2017, 4, 3, 9, tzinfo=HANOI), False)


def _ambassadors(rng: random.Random, oc: OutreachCast, groups: list[AdminUnit], far) -> None:
    for number, group in enumerate([*groups, *groups, far, groups[0]]):
        Ambassador.objects.create(
            campaign=oc.campaign,
            volunteer_name=f"Tình nguyện viên {number}",
            residential_group=group,
            active=group == far or rng.random() < 0.7,
            since=date(2017, 3, 17),
        )


def build_places(oc: OutreachCast, dc: Cast, seed: int = 11) -> Places:
    rng = random.Random(seed)
    groups, far = _groups(oc)
    people = _people(rng, groups, far)
    _dossiers(rng, dc, people)
    _ambassadors(rng, oc, groups, far)
    return Places(groups, far, people)
