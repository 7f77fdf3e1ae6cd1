"""A district through the 2025 reorganisation, for the report tests:
generated dossiers at two wards and a district office from September 2024,
applicants in each residential group of the split ward (and one in none),
the reorganisation loaded and applied on 01/07/2025 (dossiers in progress
handed over), then dossiers at the new wards until today, 30/09/2025.
Test code only."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from dichvucong.accounts.models import User
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.dossiers import reorganise
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, _citizen
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
)
from dichvucong.reports.statistics import Period
from dichvucong.reports.testing import World, extend_world, generate

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2025, 9, 30)
# A year that spans the reorganisation.
SPANNING = Period(date(2025, 1, 1), date(2025, 12, 31))


@dataclass
class Reorganised:
    cast: Cast
    world: World
    group_1: AdminUnit  # of the split ward B: went to Phương Liệt
    group_2: AdminUnit  # of ward B: went to the new Khương Đình
    phuong_liet: Agency
    khuong_dinh: Agency
    applicants: dict[str, User]  # "g1", "g2", "none"


def _applicants(cast: Cast, group_1: AdminUnit, group_2: AdminUnit) -> dict[str, User]:
    found = {}
    for key, group, number in (("g1", group_1, 1), ("g2", group_2, 2), ("none", None, 3)):
        user = _citizen(
            f"00109000000{number}", f"Người nộp {number}", f"090000000{number}", cast.ward_b
        )
        user.citizen.residential_group = group
        user.citizen.save()
        found[key] = user
    return found


def _spread(dossiers: list[Dossier], applicants: list[User], seed: int) -> None:
    """Gives the generated dossiers applicants of every group, each
    dossier submitted from its applicant's group."""
    rng = random.Random(seed)
    by_user: dict[int, list[int]] = {}
    for dossier in dossiers:
        by_user.setdefault(rng.choice(applicants).pk, []).append(dossier.pk)
    groups = {user.pk: user.citizen.residential_group_id for user in applicants}
    for user_id, ids in by_user.items():
        Dossier.objects.filter(pk__in=ids).update(
            applicant_id=user_id, residential_group_id=groups[user_id]
        )


def build(cast: Cast, before: int = 120, after: int = 40) -> Reorganised:
    with time_machine.travel(datetime(2025, 6, 20, 10, tzinfo=HANOI), tick=False):
        world = extend_world(
            [cast.agency_a, cast.agency_b], cast.district, cast.applicant, cast.leader_a
        )
        group_1, group_2 = add_groups_to_ward_b(cast)
        applicants = _applicants(cast, group_1, group_2)
        old = generate(world, before, today=date(2025, 6, 20), days=290)
        _spread(old, [*applicants.values(), cast.applicant], seed=15)
    phuong_liet, khuong_dinh = reorganise_cast()
    with time_machine.travel(datetime(2025, 7, 1, 7, tzinfo=HANOI), tick=False):
        reorganise.apply(reorganise.plan(FIRST_DAY))
    with time_machine.travel(datetime(2025, 9, 30, 10, tzinfo=HANOI), tick=False):
        new_world = World(
            [phuong_liet, khuong_dinh], world.procedures, cast.applicant, cast.leader_a
        )
        new = generate(new_world, after, today=TODAY, days=85, seed=2025)
        _spread(new, list(applicants.values()), seed=16)
    return Reorganised(cast, world, group_1, group_2, phuong_liet, khuong_dinh, applicants)
