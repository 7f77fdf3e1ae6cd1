"""Activity for the demo, so that the back office, the statistics, the
year-end report and the electronic residential areas show believable
numbers. The campaign's school year (2016–2017): about a third of the
pupils practised in the sandbox; about a fifth became ambassadors and
helped one to three neighbouring households each after the March training
(those dossiers are all closed). The office's own work runs up to today:
dossiers people filed themselves over the last thirteen months at the 11
ward committees and a few district departments, busiest in recent weeks,
some late, some rated; the last days' still open, in every status.

Nothing happens after "now" (`load_activity(now=...)`, the real clock by
default): a step whose moment is still to come is not taken, so a recent
dossier stays where it is, as it would in a living office, and only those
processed late are overdue.

Every dossier goes through the real operations (dossiers.lifecycle), each
one run with the clock set to its historical moment by patching
`django.utils.timezone.now`. That is a demo-only device, and needed: the
event log hashes each event's time into its chain, dossier codes carry the
day, and deadlines are counted on the office calendar from the moment of
receipt, so they must all be computed as of then, not as of loading.

People: neighbours are generated citizens with valid-looking personal ID
numbers (001 = Hà Nội, the century/sex digit, two digits of the birth year,
six serial digits) and mobile numbers, living in the residential groups of
the wards. They get unusable passwords (hashing hundreds of passwords would
take minutes; nobody logs in as them). Missing officers of the wards and
departments are created the same way.

Three receivers of `status_changed` are switched off while loading:
notifications, because events of 2017 must not e-mail or text anyone today;
the national portal's outbox (and its receiver of `due_date_extended`),
because the portal must not be told today of events it never saw then;
and the electronic result, because in 2017 results were handed over on paper
at the counter (every demo dossier asks for that), and rendering some 400
result PDFs would take minutes. Dossiers carry no uploaded files either.

Seeded, so every load on the same day makes the same data. Safe to run twice: nothing is
done when the campaign already has ambassadors (the whole load is one
transaction, so it is all there or none of it).
"""

from __future__ import annotations

import importlib
import random
import time as clock
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from unittest import mock

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import CitizenProfile, StaffRole, User
from dichvucong.catalogue.calendar import office_calendar
from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Procedure
from dichvucong.demo import filled, helped
from dichvucong.demo.outreach import NameMaker
from dichvucong.demo.people import CITIZEN_ID
from dichvucong.demo.store import Tally
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Delivery, Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.signals import due_date_extended, status_changed
from dichvucong.lib.text import fold
from dichvucong.lib.workdays import WorkingCalendar
from dichvucong.outreach.constants import ConfirmationChannel
from dichvucong.outreach.models import (
    Ambassador,
    AssistedSubmission,
    Attendance,
    Campaign,
    PracticeAttempt,
    Pupil,
)
from dichvucong.outreach.services import full_consent_given, latest_consents

SEED = 2017
CAMPAIGN_START = date(2017, 3, 1)
YEAR_END = date(2017, 5, 31)
HELPING_FROM = date(2017, 3, 17)  # the day after the last training session
# The demo citizen's own dossiers: (where it ends, how many days ago it
# was submitted).
OWN_DOSSIERS = [(Status.RETURNED, 14), (Status.PROCESSING, 5), (Status.SUPPLEMENT, 2)]

# The office's own dossiers: over the last OFFICE_DAYS, a RECENT_SHARE of
# them in the last RECENT_DAYS; those of the last OPEN_DAYS may be open.
PLAIN_DOSSIERS = 220
OFFICE_DAYS = 400
RECENT_DAYS = 42
RECENT_SHARE = 0.35
OPEN_DAYS = 10
# The ward whose demo officers the demo page offers gets a full queue.
BUSY_WARD = "Khương Mai"
BUSY_WARD_SHARE = 0.3
AMBASSADOR_RATE_TRAINED = 0.19
AMBASSADOR_RATE_UNTRAINED = 0.04
ACTIVE_RATE = 0.92
PRACTICE_RATE = 0.36
LATE_RATE = 0.1
RATING_RATE = 0.45
UNCONFIRMED_RATE = 0.06
SAME_HOUSEHOLD_RATE = 0.3
# status_changed receivers not run for historical dossiers (see above).
PAUSED_RECEIVERS = {
    "notifications.outbox": "dichvucong.notifications.service",
    "results.issue": "dichvucong.results.service",
    "national.outbox": "dichvucong.national.service",
}
# Each paused signal and the name of its receiver in those modules.
PAUSED_SIGNALS = (
    (status_changed, "on_status_changed"),
    (due_date_extended, "on_due_date_extended"),
)
# How often people file at each hour of the day (0 h to 23 h).
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 3, 6, 8, 8, 8, 7, 5, 6, 7, 7, 6, 5, 5, 6, 7, 6, 4, 2]
DISTRICT_RECEPTION = "Văn phòng HĐND và UBND quận"

# Procedure code and weight: the ward's civil-status procedures dominate.
PROCEDURES = [
    ("1.001193", 22),
    ("2.000635", 20),
    ("2.000815", 18),
    ("1.004873", 12),
    ("1.000894", 7),
    ("1.000656", 5),
    ("1.001612", 7),
    ("1.001266", 3),
    ("1.013225", 6),
]
# Council-set fees the catalogue has no amount for, entered by the
# receptionist at acceptance. Demo values, like eforms.DEMO_FEE_AMOUNTS.
DEMO_COUNTER_FEES = {"1.004873": 10000, "1.013225": 75000}
FINAL = [
    (Status.RETURNED, 70),
    (Status.RESOLVED, 6),
    (Status.REFUSED, 8),
    (Status.WITHDRAWN, 6),
    (Status.STOPPED, 4),
]
OPEN = [
    (Status.SUBMITTED, 3),
    (Status.AWAITING_PAYMENT, 1),
    (Status.ACCEPTED, 2),
    (Status.PROCESSING, 4),
    (Status.SUPPLEMENT, 2),
    (Status.RESOLVED, 4),
    (Status.RETURNED, 6),
]


@dataclass
class ActivityReport:
    skipped: str = ""  # why nothing was loaded
    submitted: int = 0  # real dossiers (plus `drafts` awaiting confirmation)
    drafts: int = 0
    citizens: int = 0
    ambassadors: int = 0
    assisted: int = 0
    practice_attempts: int = 0
    seconds: float = 0.0


@dataclass
class Neighbour:
    """A generated citizen; `user` is set once saved."""

    name: str
    id_number: str
    phone: str
    born: date
    ward: AdminUnit
    group: AdminUnit
    first_seen: datetime | None = None
    user: User | None = None


@dataclass
class Plan:
    applicant: Neighbour
    procedure: Procedure
    submitted_at: datetime
    target: int
    ambassador: Ambassador | None = None
    confirmed: bool = True
    supplement: bool = False
    late: bool = False
    early: bool = False  # a withdrawal before acceptance
    delivery: str = Delivery.COUNTER


@dataclass
class Staff:
    receptionist: User
    specialist: User
    leader: User


@dataclass
class World:
    rng: random.Random
    names: NameMaker
    calendar: WorkingCalendar
    campaign: Campaign
    wards: list[AdminUnit]
    groups: dict[int, list[AdminUnit]]
    committees: dict[int, Agency]
    procedures: list[tuple[Procedure, int]]
    staff: dict[int, Staff] = field(default_factory=dict)
    neighbours: list[Neighbour] = field(default_factory=list)
    by_group: dict[int, list[Neighbour]] = field(default_factory=dict)
    serials: set[str] = field(default_factory=set)


# --- Entry point -----------------------------------------------------------------


def load_activity(tally: Tally | None = None, *, now: datetime | None = None) -> ActivityReport:
    """Load the demo activity once; call after load_outreach(). What it
    wrote is added to `tally` when one is given. `now` (the real clock by
    default) is where the office's dossiers end."""
    started = clock.monotonic()
    token = _now.set(now or timezone.now())
    try:
        report = _load_once(tally)
    finally:
        _now.reset(token)
    report.seconds = clock.monotonic() - started
    return report


def _load_once(tally: Tally | None) -> ActivityReport:
    campaign = Campaign.objects.filter(start_date=CAMPAIGN_START).order_by("pk").first()
    if campaign is None:
        return ActivityReport(skipped="chưa có chiến dịch 2017 (chạy dữ liệu tuyên truyền trước)")
    if Ambassador.objects.filter(campaign=campaign).exists():
        return ActivityReport(skipped="đã có dữ liệu hoạt động năm học 2016-2017")
    with transaction.atomic(), _paused_receivers():
        report = _load(_world(campaign))
    if tally is not None:
        _count(tally, report)
    return report


def _count(tally: Tally, report: ActivityReport) -> None:
    for model, created in (
        (Dossier, report.submitted + report.drafts),
        (User, report.citizens),
        (CitizenProfile, report.citizens),
        (Ambassador, report.ambassadors),
        (AssistedSubmission, report.assisted),
        (PracticeAttempt, report.practice_attempts),
    ):
        tally.created[model._meta.label] += created


def _load(world: World) -> ActivityReport:
    _staff_for_all(world)
    ambassadors = _ambassadors(world)
    plans = _plain_plans(world) + _assisted_plans(world, ambassadors)
    plans.sort(key=lambda plan: plan.submitted_at)
    helping = {plan.ambassador.pk for plan in plans if plan.ambassador is not None}
    helped.give_logins([a for a in ambassadors if a.pk in helping])
    _save_neighbours(world)
    for plan in plans:
        _carry_out(world, plan)
    own = _own_plans(world)
    for plan in own:
        _carry_out(world, plan)
    plans += own
    confirmed = sum(1 for plan in plans if plan.confirmed)
    return ActivityReport(
        submitted=confirmed,
        drafts=len(plans) - confirmed,
        citizens=len(world.neighbours),
        ambassadors=len(ambassadors),
        assisted=sum(1 for plan in plans if plan.ambassador is not None),
        practice_attempts=_practice(world),
    )


_now: ContextVar[datetime] = ContextVar("demo_now")


class NotYet(Exception):
    """A step whose moment is after "now": the dossier stays as it is."""


def _today() -> date:
    return timezone.localdate(_now.get())


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    """Run the block as if it were `moment` (see the module docstring);
    NotYet when that is still to come."""
    if moment > _now.get():
        raise NotYet
    with as_of(moment):
        yield


@contextmanager
def as_of(moment: datetime) -> Iterator[None]:
    """Run the block as if it were `moment`, a moment already past."""
    # A plain function, not a MagicMock: this runs some 9,000 times.
    with mock.patch("django.utils.timezone.now", new=lambda: moment):
        yield


@contextmanager
def _paused_receivers() -> Iterator[None]:
    removed = [
        (signal, name, uid)
        for signal, name in PAUSED_SIGNALS
        for uid in PAUSED_RECEIVERS
        if signal.disconnect(dispatch_uid=uid)
    ]
    try:
        yield
    finally:
        for signal, name, uid in removed:
            module = importlib.import_module(PAUSED_RECEIVERS[uid])
            signal.connect(getattr(module, name), dispatch_uid=uid)


def _world(campaign: Campaign) -> World:
    rng = random.Random(SEED)
    wards = list(AdminUnit.objects.filter(level=UnitLevel.WARD, agencies__isnull=False).distinct())
    wards.sort(key=lambda ward: ward.code)
    groups: dict[int, list[AdminUnit]] = {}
    for group in AdminUnit.objects.filter(parent__in=wards, level=UnitLevel.GROUP).order_by("code"):
        groups.setdefault(group.parent_id, []).append(group)
    committees = {
        agency.admin_unit_id: agency
        for agency in Agency.objects.filter(kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit__in=wards)
    }
    found = {p.code: p for p in Procedure.objects.filter(code__in=[c for c, _w in PROCEDURES])}
    procedures = [(found[code], weight) for code, weight in PROCEDURES if code in found]
    wards = [ward for ward in wards if groups.get(ward.pk) and ward.pk in committees]
    world = World(
        rng, NameMaker(rng), office_calendar(), campaign, wards, groups, committees, procedures
    )
    # ID numbers and user names already taken are never drawn again.
    world.serials.update(CitizenProfile.objects.values_list("id_number", flat=True))
    world.serials.update(User.objects.values_list("username", flat=True))
    return world


# --- Officers ------------------------------------------------------------------------


def _staff_for_all(world: World) -> None:
    """The officers who act on each agency's dossiers: existing demo
    accounts where there are some, new ones (no password) otherwise."""
    reception = Agency.objects.filter(name__startswith=DISTRICT_RECEPTION).first()
    district = _district_agency(world)
    for agency in world.committees.values():
        world.staff[agency.pk] = _officers(world, agency, agency)
    for procedure, _weight in world.procedures:
        agency = procedure.agency
        if agency is not None and agency.pk not in world.staff:
            world.staff[agency.pk] = _officers(world, agency, district or reception or agency)


def _district_agency(world: World) -> Agency | None:
    if not world.wards:
        return None
    return Agency.objects.filter(
        kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit_id=world.wards[0].parent_id
    ).first()


def _officers(world: World, agency: Agency, reception: Agency) -> Staff:
    """Reception is the agency's own one-stop desk, or for a department
    the district's (its role at the district committee covers them)."""
    return Staff(
        receptionist=_officer(world, reception, Role.RECEPTIONIST, "motcua"),
        specialist=_officer(world, agency, Role.SPECIALIST, "chuyenvien"),
        leader=_officer(world, agency, Role.LEADER, "lanhdao"),
    )


def _officer(world: World, agency: Agency, role: str, suffix: str) -> User:
    held = StaffRole.objects.filter(agency=agency, role=role).select_related("user").first()
    if held is not None:
        return held.user
    username = f"{_slug(agency)}.{suffix}"
    user, _created = User.objects.get_or_create(
        username=username,
        defaults={
            "full_name": world.names.person(world.rng.choice("mf")),
            "kind": AccountKind.STAFF,
            "password": make_password(None),
        },
    )
    StaffRole.objects.get_or_create(user=user, role=role, agency=agency)
    return user


def _slug(agency: Agency) -> str:
    """ "hadinh" for a ward's committee, "ptckh" for a department."""
    if agency.kind == AgencyKind.PEOPLES_COMMITTEE:
        return "".join(fold(agency.admin_unit.name).split()[1:]) or "quan"
    return "".join(word[0] for word in fold(agency.name).replace("-", " ").split())


# --- Neighbours ------------------------------------------------------------------------


def _new_neighbour(world: World, group: AdminUnit) -> Neighbour:
    rng = world.rng
    sex = rng.choice("mf")
    born = date(rng.randint(1950, 1998), rng.randint(1, 12), rng.randint(1, 28))
    century = (0 if born.year < 2000 else 2) + (1 if sex == "f" else 0)
    while True:
        number = f"001{century}{born.year % 100:02d}{rng.randrange(10**6):06d}"
        if number not in world.serials:
            break
    world.serials.add(number)
    ward = next(ward for ward in world.wards if ward.pk == group.parent_id)
    neighbour = Neighbour(world.names.person(sex), number, world.names.phone(), born, ward, group)
    world.neighbours.append(neighbour)
    world.by_group.setdefault(group.pk, []).append(neighbour)
    return neighbour


def _household(world: World, group: AdminUnit) -> Neighbour:
    """Someone in `group`: a household seen before, now and then."""
    known = world.by_group.get(group.pk, [])
    if known and world.rng.random() < SAME_HOUSEHOLD_RATE:
        return world.rng.choice(known)
    return _new_neighbour(world, group)


def _save_neighbours(world: World) -> None:
    users = User.objects.bulk_create([_user_row(n) for n in world.neighbours], batch_size=500)
    profiles = []
    for neighbour, user in zip(world.neighbours, users, strict=True):
        neighbour.user = user
        profiles.append(_profile_row(neighbour, user))
    CitizenProfile.objects.bulk_create(profiles, batch_size=500)


def _user_row(neighbour: Neighbour) -> User:
    joined = (neighbour.first_seen or timezone.now()) - timedelta(minutes=15)
    return User(
        username=neighbour.id_number,
        full_name=neighbour.name,
        kind=AccountKind.CITIZEN,
        password=make_password(None),
        date_joined=joined,
    )


def _profile_row(neighbour: Neighbour, user: User) -> CitizenProfile:
    return CitizenProfile(
        user=user,
        id_number=neighbour.id_number,
        date_of_birth=neighbour.born,
        phone=neighbour.phone,
        address=_house(neighbour),
        ward=neighbour.ward,
        residential_group=neighbour.group,
    )


def _house(neighbour: Neighbour) -> str:
    # Derived from the ID number, so the same every load.
    serial = int(neighbour.id_number[-6:])
    return f"Số {serial % 180 + 1}, ngõ {serial % 37 + 1}"


# --- The demo citizen's own dossiers -----------------------------------------------------


def _own_plans(world: World) -> list[Plan]:
    """The demo citizen (people.CITIZEN_ID) finds in "Hồ sơ của tôi" what
    a resident would: a dossier returned with its e-result, one being
    processed, one waiting for a supplement. Drawn from their own random
    stream, after everyone else's, so the rest of the year is unchanged."""
    profile = (
        CitizenProfile.objects.select_related("user", "ward", "residential_group")
        .filter(id_number=CITIZEN_ID, ward__in=world.wards)
        .first()
    )
    ward_procedures = [
        procedure
        for procedure, _weight in world.procedures
        if procedure.handling_level == HandlingLevel.WARD
    ]
    if profile is None or profile.residential_group is None or not ward_procedures:
        return []
    me = Neighbour(
        profile.user.full_name,
        profile.id_number,
        profile.phone,
        profile.date_of_birth,
        profile.ward,
        profile.residential_group,
        user=profile.user,
    )
    rng = random.Random(CITIZEN_ID)
    last = _today() - timedelta(days=1)
    plans = []
    for target, days_ago in OWN_DOSSIERS:
        day = max(last - timedelta(days=days_ago), CAMPAIGN_START)
        plan = Plan(
            applicant=me,
            procedure=rng.choice(ward_procedures),
            submitted_at=_aware(day, time(9, rng.randint(0, 59))),
            target=target,
            supplement=target == Status.SUPPLEMENT,
            delivery=Delivery.ONLINE,
        )
        plans.append(plan)
    world.rng = rng
    return plans


# --- Ambassadors and practice ----------------------------------------------------------------


def _campaign_pupils(world: World) -> list[Pupil]:
    return list(
        Pupil.objects.filter(
            school_class__school__in=world.campaign.schools.all(),
            school_class__school_year=world.campaign.school_year,
            erased_at__isnull=True,
        )
        .select_related("school_class__school", "ambassador_group")
        .order_by("pk")
    )


def _trained(world: World) -> dict[int, int]:
    """Pupil id → the first session they were present at."""
    rows = Attendance.objects.filter(session__campaign=world.campaign, present=True)
    first: dict[int, int] = {}
    for pupil_id, session_id in rows.order_by("session__starts_at").values_list(
        "pupil_id", "session_id"
    ):
        first.setdefault(pupil_id, session_id)
    return first


def _ambassadors(world: World) -> list[Ambassador]:
    """Pupils with full consent, most of them trained, each for a group of
    their school's ward (or, for a fifth of them, another ward)."""
    pupils = _campaign_pupils(world)
    consents = latest_consents(p.pk for p in pupils)
    trained = _trained(world)
    chosen = []
    for pupil in pupils:
        rate = AMBASSADOR_RATE_TRAINED if pupil.pk in trained else AMBASSADOR_RATE_UNTRAINED
        agreed = full_consent_given(consents.get(pupil.pk, {}), pupil.birth_year, HELPING_FROM)
        if agreed and world.rng.random() < rate:
            chosen.append(_ambassador(world, pupil))
    Ambassador.objects.bulk_create(chosen, batch_size=500)
    Pupil.objects.bulk_update([a.pupil for a in chosen if a.pupil], ["ambassador_group"])
    return chosen


def _ambassador(world: World, pupil: Pupil) -> Ambassador:
    ward_id = pupil.school_class.school.ward_id
    if ward_id not in world.groups or world.rng.random() < 0.2:
        ward_id = world.rng.choice(world.wards).pk
    group = world.rng.choice(world.groups[ward_id])
    # A group set by the school's roster import wins; the draw above still
    # happens, so every other choice of the demo stays as it was.
    if pupil.ambassador_group is not None:
        group = pupil.ambassador_group
    pupil.ambassador_group = group
    return Ambassador(
        campaign=world.campaign,
        pupil=pupil,
        school_class_id=pupil.school_class_id,
        residential_group=group,
        active=world.rng.random() < ACTIVE_RATE,
        since=HELPING_FROM + timedelta(days=world.rng.randint(0, 10)),
    )


def _practice(world: World) -> int:
    """A completed rehearsal in their session for about a third of the
    trained pupils, a few with an unfinished attempt as well."""
    by_session: dict[int, list[tuple[int, bool]]] = {}
    for pupil_id, session_id in sorted(_trained(world).items()):
        if world.rng.random() < PRACTICE_RATE:
            by_session.setdefault(session_id, []).append((pupil_id, True))
            if world.rng.random() < 0.1:
                by_session[session_id].append((pupil_id, False))
    starts = dict(world.campaign.sessions.values_list("pk", "starts_at"))
    for session_id, attempts in by_session.items():
        _save_practice(world, session_id, starts[session_id], attempts)
    return sum(len(attempts) for attempts in by_session.values())


def _save_practice(
    world: World, session_id: int, starts: datetime, attempts: list[tuple[int, bool]]
) -> None:
    """Saved at the session's time: started_at is set on insert."""
    begun = starts + timedelta(minutes=40)
    procedures = [procedure for procedure, _weight in world.procedures]
    rows = [
        PracticeAttempt(
            pupil_id=pupil_id,
            campaign=world.campaign,
            session_id=session_id,
            procedure=world.rng.choice(procedures),
            completed_at=begun + timedelta(minutes=12 + index % 25) if done else None,
        )
        for index, (pupil_id, done) in enumerate(attempts)
    ]
    with at(begun):
        PracticeAttempt.objects.bulk_create(rows, batch_size=500)


# --- Planning the year's dossiers ------------------------------------------------------------


def _plain_plans(world: World) -> list[Plan]:
    """Dossiers people filed on their own, up to yesterday, busiest in
    the recent weeks."""
    plans = []
    last = _today() - timedelta(days=1)
    busy = [ward for ward in world.wards if ward.name.endswith(BUSY_WARD)]
    for _number in range(PLAIN_DOSSIERS):
        ward = world.rng.choice(world.wards)
        if busy and world.rng.random() < BUSY_WARD_SHARE:
            ward = busy[0]
        applicant = _household(world, world.rng.choice(world.groups[ward.pk]))
        days = RECENT_DAYS if world.rng.random() < RECENT_SHARE else OFFICE_DAYS
        moment = _moment_between(world, last - timedelta(days=days), last)
        plans.append(_plan(world, applicant, moment))
    return plans


def _assisted_plans(world: World, ambassadors: list[Ambassador]) -> list[Plan]:
    """One to three dossiers per ambassador (a few helped nobody), for
    households of their residential group, after the training."""
    plans = []
    for ambassador in ambassadors:
        count = world.rng.choices([0, 1, 2, 3], [6, 60, 24, 10])[0]
        for _number in range(count):
            applicant = _household(world, ambassador.residential_group)
            moment = _moment_between(world, ambassador.since, YEAR_END)
            plan = _plan(world, applicant, moment)
            plan.ambassador = ambassador
            plan.confirmed = world.rng.random() >= UNCONFIRMED_RATE
            plans.append(plan)
    return plans


def _plan(world: World, applicant: Neighbour, moment: datetime) -> Plan:
    rng = world.rng
    procedures, weights = zip(*world.procedures, strict=True)
    choices = OPEN if moment.date() >= _today() - timedelta(days=OPEN_DAYS) else FINAL
    target = rng.choices([s for s, _w in choices], [w for _s, w in choices])[0]
    if applicant.first_seen is None or moment < applicant.first_seen:
        applicant.first_seen = moment
    return Plan(
        applicant=applicant,
        procedure=rng.choices(procedures, weights)[0],
        submitted_at=moment,
        target=target,
        supplement=target == Status.SUPPLEMENT or rng.random() < 0.08,
        late=rng.random() < LATE_RATE,
        early=target == Status.WITHDRAWN and rng.random() < 0.5,
    )


def _moment_between(world: World, first: date, last: date) -> datetime:
    """Online services are open 24/7, but people file mostly by day."""
    day = first + timedelta(days=world.rng.randint(0, (last - first).days))
    hour = world.rng.choices(range(24), HOUR_WEIGHTS)[0]
    return _aware(day, time(hour, world.rng.randint(0, 59)))


def _aware(day: date, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))


# --- Carrying a dossier through the year ----------------------------------------------------------


def _carry_out(world: World, plan: Plan) -> None:
    with suppress(NotYet):
        _carry_out_until_now(world, plan)


def _carry_out_until_now(world: World, plan: Plan) -> None:
    dossier = _draft(world, plan)
    record = _assisted(world, plan, dossier) if plan.ambassador is not None else None
    if not plan.confirmed:
        return  # the applicant never confirmed: it stays a draft
    with at(plan.submitted_at):
        if record is not None:
            dossier = helped.confirm(record, record.channel)
        else:
            dossier = lifecycle.submit(dossier, plan.applicant.user)
    _reception(world, plan, dossier)


def _draft(world: World, plan: Plan) -> Dossier:
    user = plan.applicant.user
    assert user is not None
    procedure = plan.procedure
    if procedure.handling_level == HandlingLevel.WARD:
        agency = world.committees[plan.applicant.ward.pk]
    else:
        agency = procedure.agency
    with at(plan.submitted_at - timedelta(minutes=12)):
        return Dossier.objects.create(
            procedure=procedure,
            agency=agency,
            applicant=user,
            applicant_name=user.full_name,
            applicant_id_number=plan.applicant.id_number,
            applicant_phone=plan.applicant.phone,
            form_data=_form_data(world, procedure, plan.applicant),
            delivery=plan.delivery,
            helper=plan.ambassador.user if plan.ambassador is not None else None,
        )


def _assisted(world: World, plan: Plan, dossier: Dossier) -> AssistedSubmission:
    """The helper's draft: documents uploaded, the record waiting for the
    applicant (demo.helped; the confirmation submits it)."""
    assert plan.ambassador is not None and plan.applicant.user is not None
    channel = world.rng.choice([ConfirmationChannel.SMS, ConfirmationChannel.LOGIN])
    with at(plan.submitted_at - timedelta(minutes=5)):
        helped.upload_documents(dossier, plan.ambassador.user)
        return helped.start(dossier, plan.ambassador, channel)


def _form_data(world: World, procedure: Procedure, applicant: Neighbour) -> dict[str, Any]:
    """What the e-form would prefill from the account (as
    eforms.initial_for does, without its queries: we know the neighbour),
    and something plausible in the other required fields."""
    known = _known(applicant)
    data: dict[str, Any] = {}
    for step in procedure.form_schema or []:
        for spec in step.get("fields", []):
            value = known.get(spec.get("prefill", ""))
            if spec.get("type") == "address" and value is not None:
                value = {"ward": applicant.ward.pk, "group": applicant.group.pk, "street": value}
            if value is None and spec.get("required"):
                value = filled.sample_value(spec, world.rng, applicant, world.names.person)
            if value is not None:
                data[spec["name"]] = value
    return data


def _known(applicant: Neighbour) -> dict[str, Any]:
    return {
        "full_name": applicant.name,
        "id_number": applicant.id_number,
        "phone": applicant.phone,
        "date_of_birth": applicant.born.isoformat(),
        "address": _house(applicant),
    }


def _staff_of(world: World, dossier: Dossier) -> Staff:
    return world.staff[dossier.agency_id]


def _reception(world: World, plan: Plan, dossier: Dossier) -> None:
    staff, applicant = _staff_of(world, dossier), plan.applicant.user
    if plan.target == Status.SUBMITTED:
        return
    if plan.early:
        with at(plan.submitted_at + timedelta(hours=2)):
            lifecycle.withdraw(dossier, applicant, "Nộp nhầm thủ tục")
        return
    moment = _reception_moment(world, plan.submitted_at)
    if plan.supplement:
        with at(moment):
            lifecycle.request_supplement(dossier, staff.receptionist, ["Bản chụp rõ nét hơn"])
        if plan.target == Status.SUPPLEMENT:
            return
        supplied = moment + timedelta(days=world.rng.randint(1, 3), hours=4)
        with at(supplied):
            dossier = lifecycle.supply(dossier, applicant, "Đã bổ sung")
        moment = _reception_moment(world, supplied)
    if plan.target == Status.REFUSED:
        with at(moment):
            lifecycle.refuse(dossier, staff.receptionist, "Không thuộc thẩm quyền giải quyết")
        return
    _acceptance(world, plan, dossier, moment)


def _reception_moment(world: World, after: datetime) -> datetime:
    """The one-stop desk picks new dossiers up early on the next working
    morning (the same morning for those filed before 10:00)."""
    local = timezone.localtime(after)
    day = local.date()
    if not (world.calendar.is_working_day(day) and local.hour < 10):
        day = world.calendar.next_working_day(day)
        return _aware(day, time(7, 45)) + timedelta(minutes=world.rng.randint(0, 200))
    return after + timedelta(minutes=world.rng.randint(20, 90))


def _acceptance(world: World, plan: Plan, dossier: Dossier, moment: datetime) -> None:
    staff = _staff_of(world, dossier)
    fee = DEMO_COUNTER_FEES.get(plan.procedure.code) if dossier.fee_amount is None else None
    with at(moment):
        dossier = lifecycle.accept(dossier, staff.receptionist, fee_amount=fee)
    if dossier.status == Status.AWAITING_PAYMENT:
        if plan.target == Status.AWAITING_PAYMENT:
            return
        day = world.calendar.next_working_day(timezone.localtime(moment).date())
        moment = _aware(day, time(9, 10))
        with at(moment):
            dossier = lifecycle.payment_received(dossier, staff.receptionist)
    if plan.target in (Status.ACCEPTED, Status.AWAITING_PAYMENT):
        return
    if plan.target == Status.WITHDRAWN:
        with at(moment + timedelta(hours=5)):
            lifecycle.withdraw(dossier, plan.applicant.user, "Không còn nhu cầu")
        return
    with at(moment + timedelta(minutes=25)):
        dossier = lifecycle.assign(dossier, staff.leader, staff.specialist)
    _processing(world, plan, dossier, moment + timedelta(minutes=25))


def _processing(world: World, plan: Plan, dossier: Dossier, assigned: datetime) -> None:
    staff = _staff_of(world, dossier)
    if plan.target == Status.PROCESSING:
        return
    day = _finishing_day(world, plan, dossier, assigned)
    if plan.target == Status.STOPPED:
        with at(_aware(day, time(15, 0))):
            lifecycle.stop(dossier, staff.leader, "Hồ sơ không đủ điều kiện theo quy định")
        return
    with at(_aware(day, time(14, 0))):
        lifecycle.forward(dossier, staff.specialist, "Hồ sơ đủ điều kiện, đề nghị phê duyệt")
    with at(_aware(day, time(15, 30))):
        lifecycle.approve(dossier, staff.leader)
    if plan.target == Status.RESOLVED:
        return
    _handing_over(world, plan, dossier, day)


def _finishing_day(world: World, plan: Plan, dossier: Dossier, assigned: datetime) -> date:
    """A working day by the deadline; for a late one, after it, with an
    apology slip first when there is still a day to spare."""
    start = timezone.localtime(assigned).date()
    due = dossier.due_date or start
    if not plan.late:
        span = world.calendar.working_days_between(start, due)
        return world.calendar.add_working_days(start, world.rng.randint(0, span))
    apology_day = _apology_day(world, start, due)
    if apology_day is not None:
        new_date = world.calendar.add_working_days(due, 3)
        leader = _staff_of(world, dossier).leader
        with at(_aware(apology_day, time(16, 0))):
            lifecycle.apologise(dossier, leader, new_date, "Cần xác minh thêm thông tin")
    return world.calendar.add_working_days(due, world.rng.randint(1, 4))


def _apology_day(world: World, start: date, due: date) -> date | None:
    """Two working days before the deadline, if that is after processing began."""
    if world.rng.random() >= 0.5 or world.calendar.working_days_between(start, due) < 3:
        return None
    day = start
    while world.calendar.working_days_between(day, due) > 2:
        day = world.calendar.next_working_day(day)
    return day


def _handing_over(world: World, plan: Plan, dossier: Dossier, resolved: date) -> None:
    day = world.calendar.add_working_days(resolved, world.rng.randint(1, 4))
    moment = _aware(day, time(8, 30)) + timedelta(minutes=world.rng.randint(0, 420))
    with at(moment):
        lifecycle.return_result(dossier, _staff_of(world, dossier).receptionist)
    if world.rng.random() < RATING_RATE:
        _rate(world, dossier, plan.applicant.user, moment + timedelta(hours=2))


def _rate(world: World, dossier: Dossier, applicant: Any, moment: datetime) -> None:
    if not apps.is_installed("dichvucong.feedback"):
        return
    from dichvucong.feedback.service import rate

    level = world.rng.choices([3, 2, 1], [60, 32, 8])[0]
    with at(moment):
        rate(dossier, applicant, level)
