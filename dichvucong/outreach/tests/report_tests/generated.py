"""A generated campaign year for the report tests: classes of the campaign
and some that must not count (another grade, another school year, a school
outside the campaign), pupils (a few erased afterwards), sessions with
attendance (and one of another campaign), practice attempts of every kind,
pupil ambassadors (and an adult volunteer, and one of another campaign)
with assisted dossiers brought through the real lifecycle to every status,
plus practice and unconfirmed ones that must never count.

Every scenario occurs at least once; the rest is drawn from a seeded
generator, so a failure can be replayed."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from dichvucong.catalogue.models import Procedure, RequiredDocument
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_dossier, make_draft
from dichvucong.outreach import services
from dichvucong.outreach.assisted import record_on_behalf
from dichvucong.outreach.models import (
    Ambassador,
    AssistedSubmission,
    Attendance,
    Campaign,
    PracticeAttempt,
    Pupil,
    School,
    SchoolClass,
    TrainingSession,
)
from dichvucong.outreach.tests.cast import OutreachCast

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = "2016-2017"
HOUSEHOLDS = [f"u:{n}" for n in range(9000, 9006)]  # few, so some repeat


@dataclass
class World:
    oc: OutreachCast
    dc: Cast
    campaign: Campaign
    other_campaign: Campaign
    pupils: list[Pupil] = field(default_factory=list)
    scenarios: dict[str, int] = field(default_factory=dict)


def _moment(day: int, hour: int = 8) -> datetime:
    return datetime(2017, 3, day, hour, tzinfo=HANOI)


def _classes(oc: OutreachCast) -> tuple[list[SchoolClass], list[SchoolClass]]:
    counted = [
        oc.class_a,
        SchoolClass.objects.create(school=oc.school_a, name="8A2", school_year=YEAR),
        oc.class_b,
        SchoolClass.objects.create(school=oc.school_b, name="8B2", school_year=YEAR),
    ]
    outside = School.objects.create(name="THCS Ngoài chiến dịch")
    not_counted = [
        SchoolClass.objects.create(school=oc.school_a, name="9A1", school_year=YEAR, grade=9),
        SchoolClass.objects.create(school=oc.school_b, name="8B1", school_year="2015-2016"),
        SchoolClass.objects.create(school=outside, name="8C1", school_year=YEAR),
    ]
    return counted, not_counted


def _pupils(rng: random.Random, classes: list[SchoolClass]) -> list[Pupil]:
    rows = [
        Pupil(school_class=c, full_name=f"Học sinh {c.name}-{n}", birth_year=2003)
        for c in classes
        for n in range(rng.randint(5, 8))
    ]
    return Pupil.objects.bulk_create(rows)


def _sessions(rng: random.Random, world: World, pupils: list[Pupil]) -> list[TrainingSession]:
    sessions = []
    for day, school in enumerate([world.oc.school_a, world.oc.school_b] * 2, start=2):
        sessions.append(
            TrainingSession.objects.create(
                campaign=world.campaign,
                school=school,
                starts_at=_moment(day),
                ends_at=_moment(day, 10),
                place="Hội trường",
            )
        )
    rows = [
        Attendance(session=s, pupil=p, present=rng.random() < 0.55)
        for s in sessions
        for p in pupils
        if p.school_class.school_id == s.school_id
    ]
    other = TrainingSession.objects.create(
        campaign=world.other_campaign,
        school=world.oc.school_a,
        starts_at=_moment(20),
        ends_at=_moment(20, 10),
        place="Phòng tin học",
    )
    rows += [Attendance(session=other, pupil=p, present=True) for p in pupils[::3]]
    Attendance.objects.bulk_create(rows)
    return sessions


def _practice(rng: random.Random, world: World, pupils: list[Pupil], sessions: list) -> None:
    """Completed for this campaign (directly or through its session), not
    completed, and completed for another campaign."""
    procedure = world.dc.procedure
    done = timezone.now()
    kinds = [
        {"campaign": world.campaign, "completed_at": done},
        {"campaign": None, "session": sessions[0], "completed_at": done},
        {"campaign": world.campaign, "completed_at": None},
        {"campaign": world.other_campaign, "completed_at": done},
        {"campaign": None, "completed_at": done},
    ]
    rows = []
    for index, pupil in enumerate(pupils):
        if index < len(kinds) or rng.random() < 0.5:
            kind = kinds[index % len(kinds)] if index < len(kinds) else rng.choice(kinds)
            rows.append(PracticeAttempt(pupil=pupil, procedure=procedure, **kind))
    PracticeAttempt.objects.bulk_create(rows)


# --- Assisted dossiers in every status ---------------------------------------------


def _fee_draft(dc: Cast) -> Dossier:
    procedure, _created = Procedure.objects.get_or_create(
        code="1.999999",
        defaults={
            "name": "Thủ tục có lệ phí",
            "field": dc.procedure.field,
            "handling_level": dc.procedure.handling_level,
            "online_level": dc.procedure.online_level,
            "working_days": 3,
            "fee_rule": {"kind": "fixed", "amount": 10000, "unit": "trường hợp"},
        },
    )
    RequiredDocument.objects.get_or_create(procedure=procedure, name="Tờ khai", position=1)
    return Dossier.objects.create(
        procedure=procedure,
        agency=dc.agency_a,
        applicant=dc.applicant,
        applicant_name=dc.applicant.full_name,
        applicant_phone=dc.applicant.citizen.phone,
    )


def _awaiting_payment(dc: Cast) -> Dossier:
    dossier = lifecycle.submit(_fee_draft(dc), dc.applicant)
    return lifecycle.accept(dossier, dc.receptionist_a)


def _withdrawn_after_acceptance(dc: Cast) -> Dossier:
    return lifecycle.withdraw(make_dossier(dc, Status.ACCEPTED), dc.applicant, "Không cần nữa")


def _supplied_then_accepted(dc: Cast) -> Dossier:
    dossier = lifecycle.supply(make_dossier(dc, Status.SUPPLEMENT), dc.applicant, "Đã bổ sung")
    return lifecycle.accept(dossier, dc.receptionist_a)


def _status(status: int) -> Callable[[Cast], Dossier]:
    return lambda dc: make_dossier(dc, status)


# Name -> how to make the dossier; every one of these is a confirmed, real dossier.
SCENARIOS: dict[str, Callable[[Cast], Dossier]] = {
    "submitted": _status(Status.SUBMITTED),
    "accepted": _status(Status.ACCEPTED),
    "refused": _status(Status.REFUSED),
    "processing": _status(Status.PROCESSING),
    "supplement_at_reception": _status(Status.SUPPLEMENT),
    "withdrawn_before_acceptance": _status(Status.WITHDRAWN),
    "withdrawn_after_acceptance": _withdrawn_after_acceptance,
    "stopped": _status(Status.STOPPED),
    "resolved": _status(Status.RESOLVED),
    "returned": _status(Status.RETURNED),
    "awaiting_payment": _awaiting_payment,
    "supplied_then_accepted": _supplied_then_accepted,
}
# Never counted: a returned dossier made into a practice one, a returned
# dossier whose applicant never confirmed, and a draft.
TRAPS = ["practice", "unconfirmed", "draft"]


def assist(world: World, ambassador: Ambassador, scenario: str, household: str) -> Dossier:
    """One assisted dossier of `scenario`, through the real lifecycle."""
    dc = world.dc
    if scenario == "draft":
        dossier = make_draft(dc)
    elif scenario in ("practice", "unconfirmed"):
        dossier = make_dossier(dc, Status.RETURNED)
    else:
        dossier = SCENARIOS[scenario](dc)
    if scenario == "practice":
        Dossier.objects.filter(pk=dossier.pk).update(is_practice=True)
    confirmed = None if scenario in ("unconfirmed", "draft") else timezone.now()
    AssistedSubmission.objects.create(
        dossier=dossier,
        ambassador=ambassador,
        household_key=household,
        channel="sms",
        confirmed_at=confirmed,
    )
    if confirmed is not None:
        # The dossier's own "nộp hộ" event, as the confirmation writes it.
        fresh = Dossier.objects.get(pk=dossier.pk)
        record_on_behalf(fresh, ambassador.pk, actor=fresh.applicant, channel="sms")
    world.scenarios[scenario] = world.scenarios.get(scenario, 0) + 1
    return dossier


def _ambassador(world: World, pupil: Pupil | None, campaign: Campaign | None = None) -> Ambassador:
    return Ambassador.objects.create(
        campaign=campaign or world.campaign,
        pupil=pupil,
        volunteer_name="" if pupil else "Bác Tư tình nguyện",
        residential_group=world.oc.group_a,
        since=date(2017, 3, 17),
    )


def _assisted(rng: random.Random, world: World, pupils: list[Pupil]) -> None:
    names = [*SCENARIOS, *TRAPS]
    # Then mostly finished ones, as in a real year.
    weights = [6 if name == "returned" else 2 if name == "resolved" else 1 for name in names]
    queue = list(names)  # every scenario at least once
    for pupil in pupils:
        if pupil.ambassadorships.exists() or rng.random() >= 0.6:
            continue
        ambassador = _ambassador(world, pupil)
        for _n in range(rng.randint(1, 3)):
            scenario = queue.pop() if queue else rng.choices(names, weights)[0]
            assist(world, ambassador, scenario, rng.choice(HOUSEHOLDS))
    anyone = Ambassador.objects.filter(campaign=world.campaign).first()
    while queue and anyone is not None:
        assist(world, anyone, queue.pop(), rng.choice(HOUSEHOLDS))


def _guaranteed(world: World) -> None:
    """Whatever the draw: a pupil with two returned dossiers for two
    households, and one household helped by pupils of both schools."""
    trained = set(
        Attendance.objects.filter(session__campaign=world.campaign, present=True).values_list(
            "pupil", flat=True
        )
    )
    # A trained pupil, so the commendation list of school A is never empty.
    in_a = next(
        p
        for p in reversed(world.pupils)
        if p.school_class.school_id == world.oc.school_a.pk and p.pk in trained
    )
    in_b = next(p for p in world.pupils if p.school_class.school_id == world.oc.school_b.pk)
    first, second = _ambassador(world, in_a), _ambassador(world, in_b)
    assist(world, first, "returned", HOUSEHOLDS[0])
    assist(world, first, "returned", HOUSEHOLDS[1])
    assist(world, second, "returned", HOUSEHOLDS[0])


def _outsiders(world: World, outside_pupils: list[Pupil]) -> None:
    """Successful dossiers that must not count: a pupil of a class outside
    the campaign, an adult volunteer, a pupil serving another campaign."""
    assist(world, _ambassador(world, outside_pupils[0]), "returned", HOUSEHOLDS[0])
    assist(world, _ambassador(world, None), "returned", HOUSEHOLDS[1])
    other = _ambassador(world, world.pupils[0], world.other_campaign)
    assist(world, other, "returned", HOUSEHOLDS[2])


def build_world(oc: OutreachCast, dc: Cast, seed: int = 2017) -> World:
    rng = random.Random(seed)
    oc.campaign.target_pupils = 40
    oc.campaign.save()
    other = Campaign.objects.create(
        title="Chiến dịch năm sau",
        lead_agency=oc.education_agency,
        start_date=date(2017, 9, 15),
        end_date=date(2017, 10, 15),
    )
    other.schools.set([oc.school_a])
    world = World(oc, dc, oc.campaign, other)
    counted, not_counted = _classes(oc)
    world.pupils = _pupils(rng, counted)
    outside_pupils = _pupils(rng, not_counted)
    sessions = _sessions(rng, world, world.pupils + outside_pupils)
    _practice(rng, world, world.pupils + outside_pupils, sessions)
    _guaranteed(world)
    _assisted(rng, world, world.pupils)
    _outsiders(world, outside_pupils)
    for pupil in rng.sample(world.pupils, 3) + [world.pupils[0]]:
        services.erase_pupil(pupil, oc.education)
    return world
