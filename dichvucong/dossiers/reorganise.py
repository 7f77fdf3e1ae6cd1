"""Applying a reorganisation of the administrative tree on its first day
(`manage.py reorganise --date 2025-07-01`): the catalogue already says
which units and agencies ended the day before and what succeeded them
(catalogue/reorganisation.py); this hands over what was still running.

- Each dossier in progress at an agency that ended the day before goes to
  the agency that handles its procedure, on that day, for the place the
  dossier is about (catalogue.services.handling_agency), with one TRANSFER
  event on its chain. Status, dates and deadline are left as they are.
  The places are the residential group the dossier was submitted from
  (Dossier.residential_group, chosen by dossiers.places), else the wards
  its e-form addresses and the applicant's account name, that lay in the
  old agency's territory; for a ward's agency with none, the old ward
  itself. When they lead to different agencies, or to none (a split ward
  and no group to go by, a district's dossier and no place in it), the
  dossier is reported and left for a person to decide: never guessed.
- A staff role at an ended agency moves to the successor when there is
  exactly one (a ward merged whole), and ends otherwise.
- Dossiers that already ended stay where they are: their history is not
  rewritten. A second run finds nothing more to move.

`plan` reads only; `apply` writes, one transaction per dossier with its
row locked, re-checking that nothing changed since the plan."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.accounts.models import StaffRole
from dichvucong.catalogue.constants import AgencyKind, SuccessionKind, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.catalogue.services import groups_of_ward, handling_agency, ward_on
from dichvucong.dossiers import events
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.places import address_units, declared_groups
from dichvucong.dossiers.signals import agency_changed

# Submitted and waiting for a supplement count: the office still owes an
# answer. A result made but not yet handed over (RESOLVED) too: left at the
# ended agency, nobody would hold a role to return it.
IN_PROGRESS_STATUSES = (
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.PROCESSING,
    Status.SUPPLEMENT,
    Status.AWAITING_PAYMENT,
    Status.RESOLVED,
)

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Move:
    dossier_id: int
    from_agency: Agency
    to_agency: Agency


@dataclass(frozen=True)
class RoleChange:
    role_id: int
    from_agency: Agency
    to_agency: Agency | None  # None: the role ends


@dataclass
class Plan:
    day: date
    agencies: list[Agency] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    undecided: list[tuple[int, Agency]] = field(default_factory=list)  # dossier id, agency
    roles: list[RoleChange] = field(default_factory=list)
    # Drafts are not dossiers and stay; counted because submitting one
    # later would send it to an agency that no longer exists.
    drafts: Counter[str] = field(default_factory=Counter)

    @property
    def is_empty(self) -> bool:
        return not (self.moves or self.roles)

    def move_counts(self) -> Counter[tuple[str, str]]:
        """(old agency, new agency) → dossiers; counts only, no personal data."""
        return Counter((_label(m.from_agency), _label(m.to_agency)) for m in self.moves)

    def undecided_counts(self) -> Counter[str]:
        return Counter(_label(agency) for _pk, agency in self.undecided)


def _label(agency: Agency) -> str:
    # Old and new wards may share a name (Phương Liệt): the code tells them apart.
    return f"{agency.name} ({agency.unit_code})"


def ended_agencies(day: date) -> list[Agency]:
    """The agencies whose last day was the day before `day`."""
    rows = Agency.objects.filter(valid_to=day - ONE_DAY).select_related("admin_unit")
    return list(rows.order_by("unit_code"))


def plan(day: date) -> Plan:
    """What applying the reorganisation on `day` would change; writes nothing."""
    result = Plan(day=day, agencies=ended_agencies(day))
    for agency in result.agencies:
        dossiers = Dossier.objects.filter(
            agency=agency, status__in=IN_PROGRESS_STATUSES, is_practice=False
        ).select_related("procedure", "applicant")
        for dossier in dossiers.order_by("pk"):
            successor = successor_for(dossier, agency, day)
            if successor is None:
                result.undecided.append((dossier.pk, agency))
            else:
                result.moves.append(Move(dossier.pk, agency, successor))
        drafts = Dossier.objects.filter(agency=agency, status=Status.DRAFT, is_practice=False)
        if count := drafts.count():
            result.drafts[_label(agency)] = count
        for role in StaffRole.objects.filter(agency=agency).order_by("pk"):
            result.roles.append(RoleChange(role.pk, agency, successor_agency(agency, day)))
    return result


# --- Other apps' rows that follow the new units -----------------------------------------


class Follower(Protocol):
    """Moves an app's rows that point at units or agencies ended the day
    before `day` (outreach: schools, ambassadors' groups, campaigns); the
    report lines, counts only. Writes nothing when `dry_run`; a second
    call finds nothing."""

    def __call__(self, day: date, *, dry_run: bool) -> list[str]: ...


# Registered by the apps above this one (outreach.apps), which this one
# does not import.
_followers: list[Follower] = []


def register_follower(follower: Follower) -> None:
    if follower not in _followers:
        _followers.append(follower)


def follow(day: date, *, dry_run: bool) -> list[str]:
    lines: list[str] = []
    for follower in _followers:
        with transaction.atomic():
            lines += follower(day, dry_run=dry_run)
    return lines


# --- Where a dossier goes ---------------------------------------------------------------


def successor_for(dossier: Dossier, agency: Agency, day: date) -> Agency | None:
    """The agency that takes `dossier` over on `day`; None when undecidable."""
    found = set()
    for place in places_of(dossier, agency, day - ONE_DAY):
        found.add(handling_agency(dossier.procedure, place, day))
    if len(found) != 1:
        return None
    successor = found.pop()
    return successor if successor is not None and successor.pk != agency.pk else None


def places_of(dossier: Dossier, agency: Agency, last_day: date) -> list[AdminUnit]:
    """The residential groups (else wards) the dossier declares that lay in
    the agency's territory on its last day; for a ward's agency with none,
    the ward itself."""
    territory = agency.admin_unit
    declared = _declared_units(dossier)
    if territory.level == UnitLevel.WARD:
        held = {group.pk for group in groups_of_ward(territory, last_day)}
        return [unit for unit in declared if unit.pk in held] or [territory]
    inside = [unit for unit in declared if territory in unit.ancestors()]
    return [unit for unit in inside if unit.level == UnitLevel.GROUP] or inside


def _declared_units(dossier: Dossier) -> list[AdminUnit]:
    """The units the dossier names: the residential group it was submitted
    from, or for one without (dossiers.places' rule) the groups its e-form
    addresses and the applicant account name; then the wards likewise."""
    citizen = getattr(dossier.applicant, "citizen", None)
    organisation = getattr(dossier.applicant, "organisation", None)
    if dossier.residential_group_id is not None:
        groups = [dossier.residential_group_id]
    else:
        groups = declared_groups(dossier.form_data, getattr(citizen, "residential_group_id", None))
    wards = address_units(dossier.form_data, "ward")
    if citizen is not None:
        wards.append(citizen.ward_id)
    elif organisation is not None:
        wards.append(organisation.ward_id)
    ids = groups + wards
    units = AdminUnit.objects.select_related("parent").in_bulk(ids)
    return [units[pk] for pk in dict.fromkeys(ids) if pk in units]


def agency_now(agency: Agency) -> Agency | None:
    """For an agency that has ended, the one agency doing its work today,
    which a dossier of its time names as "(nay là …)"; None for an agency
    still there, and for one with no single successor (a split ward, a
    district office). No query for an agency still there."""
    today = timezone.localdate()
    if agency.is_valid_on(today):
        return None
    return successor_agency(agency, today)


def successor_agency(agency: Agency, day: date) -> Agency | None:
    """The one agency that takes over all of `agency`'s work on `day`: the
    committee of the ward its ward was merged into (or renamed to); None
    for a split ward, a district, or an agency that is not a committee."""
    unit = agency.admin_unit
    if agency.kind != AgencyKind.PEOPLES_COMMITTEE or unit.level != UnitLevel.WARD:
        return None
    if unit.successions.filter(kind=SuccessionKind.SPLIT, effective_date__lte=day).exists():
        return None
    ward = ward_on(unit, day)
    if ward is None or ward.pk == unit.pk:
        return None
    committees = ward.agencies.valid_on(day).filter(kind=AgencyKind.PEOPLES_COMMITTEE)
    return committees.order_by("pk").first()


# --- Applying ----------------------------------------------------------------------


@dataclass
class Outcome:
    moved: int = 0
    skipped: int = 0  # changed between the plan and its turn
    roles_moved: int = 0
    roles_ended: int = 0
    # "login – role – agency code": whom an administrator must give a new role.
    ended_roles: list[str] = field(default_factory=list)


def apply(work: Plan) -> Outcome:
    """Carry `work` out. Roles first, so a specialist whose role moved
    keeps the dossiers they hold."""
    outcome = Outcome()
    with transaction.atomic():
        for change in work.roles:
            _change_role(change, outcome)
    for move in work.moves:
        with transaction.atomic():
            if _move(move, work.day):
                outcome.moved += 1
            else:
                outcome.skipped += 1
    return outcome


def _change_role(change: RoleChange, outcome: Outcome) -> None:
    role = StaffRole.objects.select_related("user", "agency").filter(pk=change.role_id).first()
    if role is None or role.agency_id != change.from_agency.pk:
        return
    target = change.to_agency
    if target is None:
        outcome.roles_ended += 1
        outcome.ended_roles.append(
            f"{role.user.username} – {role.get_role_display()} – {role.agency.unit_code}"
        )
        role.delete()
        return
    outcome.roles_moved += 1
    held = StaffRole.objects.filter(user=role.user_id, role=role.role, agency=target)
    if held.exists():
        role.delete()  # already held at the successor: the old one just goes
        return
    role.agency = target
    role.save(update_fields=["agency"])


def _move(move: Move, day: date) -> bool:
    dossier = lock_dossier(move.dossier_id)
    if dossier.agency_id != move.from_agency.pk or dossier.status not in IN_PROGRESS_STATUSES:
        return False
    target = move.to_agency
    cleared = []
    for name in ("assignee", "holder"):
        person_id = getattr(dossier, f"{name}_id")
        if person_id and not StaffRole.objects.filter(user=person_id, agency=target).exists():
            setattr(dossier, name, None)
            cleared.append(name)
    dossier.agency = target
    dossier.save(update_fields=["agency", "assignee", "holder", "updated_at"])
    reason = _("Chuyển đến %(agency)s do sắp xếp đơn vị hành chính từ ngày %(day)s.") % {
        "agency": target.name,
        "day": day.strftime("%d/%m/%Y"),
    }
    event = events.record(
        dossier,
        actor=None,
        kind=EventKind.TRANSFER,
        reason=reason,
        data={
            "from_agency": move.from_agency.unit_code,
            "to_agency": target.unit_code,
            "to_agency_name": target.name,
            "effective_date": day.isoformat(),
            "cleared": cleared,
        },
    )
    agency_changed.send(sender=Dossier, dossier=dossier, event=event)
    return True
