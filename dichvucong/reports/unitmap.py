"""Today's units for figures counted by the units of their time (issue 15
point 3): the one place that says to which agency of today a dossier of an
ended agency belongs. The rules are catalogue.services' (ward_on,
handling_agency), played on the whole catalogue read once, so a report
costs the same few queries whatever the number of dossiers or units.

A dossier of an agency that still exists stays with it. A dossier of an
ended ward's committee goes to the committee of the ward that took its
ward or, for a ward split between several, the ward that took its
residential group the dossier was submitted from (Dossier.residential_group,
kept as it was: dossiers.places). A
dossier of an ended district office goes to whoever handles its procedure
today: that agency, or for a ward procedure the committee of the
applicant's ward of today. With nothing to decide by (a split ward and no
group, a procedure nobody handles today), it stays with its old agency,
so no figure is lost: the row says the agency has ended.

Which view a report uses is VIEW_TODAY or VIEW_OF_THE_TIME."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import Max

from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, SuccessionKind, UnitLevel
from dichvucong.catalogue.models import (
    AdminUnit,
    Agency,
    Procedure,
    ProcedureHandling,
    SucceedingGroup,
    UnitSuccession,
)

VIEW_TODAY = "hien-nay"
VIEW_OF_THE_TIME = "tai-thoi-diem"
VIEWS = (VIEW_TODAY, VIEW_OF_THE_TIME)
# A chain of reorganisations longer than this is a loop in the data.
MAX_SUCCESSIONS = 20


def default_view(period_end: date) -> str:
    """Today's units for figures that reach past the last reorganisation
    (current figures); a period wholly before it keeps the units it was
    published under."""
    last = UnitSuccession.objects.aggregate(last=Max("effective_date"))["last"]
    return VIEW_OF_THE_TIME if last is not None and period_end < last else VIEW_TODAY


def any_ended(day: date) -> bool:
    """Whether an agency had ended by `day`: without one, today's units
    are the units of the time and the map has nothing to do."""
    return Agency.objects.filter(valid_to__lt=day).exists()


@dataclass(frozen=True)
class Unit:
    pk: int
    parent_id: int | None
    level: str
    valid_from: date | None
    valid_to: date | None
    name: str
    code: str

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class AgencyInfo:
    pk: int
    name: str
    code: str
    kind: str
    unit_id: int
    unit_name: str
    unit_code: str
    valid: bool  # exists on the map's day


@dataclass(frozen=True)
class Succession:
    successor_id: int
    kind: str
    groups: frozenset[int]


class UnitMap:
    """The catalogue on `day`, read in six queries (four until a rule of
    handling is asked for)."""

    def __init__(self, day: date) -> None:
        self.day = day
        fields = ("pk", "parent_id", "level", "valid_from", "valid_to", "name", "code")
        self.units = {row[0]: Unit(*row) for row in AdminUnit.objects.values_list(*fields)}
        self.agencies = _agencies(day)
        self.committees = _committees(self.agencies)
        self.successions = _successions(day)

    @cached_property
    def handlings(self) -> dict[int, tuple[str, int | None]]:
        return _handlings(self.day)

    # --- What the reports ask -----------------------------------------------------

    def group_dependent_agency_ids(self) -> frozenset[int]:
        """Ended agencies whose dossiers may go to different agencies of
        today: they are counted with the residential group the dossier was submitted from."""
        return frozenset(
            agency.pk
            for agency in self.agencies.values()
            if not agency.valid and self._whole_successor(agency) is None
        )

    def agency_today(self, agency_id: int, procedure_id: int, group_id: int | None) -> int:
        """The agency of today for a dossier of `agency_id`; itself when it
        still exists or nothing says where it went."""
        agency = self.agencies[agency_id]
        if agency.valid:
            return agency_id
        if agency.kind == AgencyKind.PEOPLES_COMMITTEE:
            found = self._committee_successor(agency, group_id)
        else:
            found = self._handler_today(procedure_id, group_id)
        return found if found is not None else agency_id

    def succeeded_by(self, agency_ids: Collection[int]) -> dict[int, frozenset[int] | None]:
        """The ended wards' committees whose dossiers belong today to one
        of `agency_ids`, by the rule agency_today plays: None (all of them)
        for a committee whose ward went whole to one of them; for a split
        one, the residential groups whose dossiers went there (only those
        the splits list can go anywhere). Staff reach reads its history
        through this (dossiers.access)."""
        wanted = set(agency_ids)
        listed = {
            group for rows in self.successions.values() for row in rows for group in row.groups
        }
        found: dict[int, frozenset[int] | None] = {}
        for agency in self.agencies.values():
            if agency.valid or agency.kind != AgencyKind.PEOPLES_COMMITTEE:
                continue
            whole = self._whole_successor(agency)
            if whole is not None:
                if whole in wanted:
                    found[agency.pk] = None
                continue
            groups = frozenset(
                group for group in listed if self._committee_successor(agency, group) in wanted
            )
            if groups:
                found[agency.pk] = groups
        return found

    # --- The rules --------------------------------------------------------------------

    def _whole_successor(self, agency: AgencyInfo) -> int | None:
        if agency.kind != AgencyKind.PEOPLES_COMMITTEE:
            return None
        return self._committee_successor(agency, None)

    def _committee_successor(self, agency: AgencyInfo, group_id: int | None) -> int | None:
        group = group_id if self._group_of(group_id, agency.unit_id) else None
        ward = self.ward_on(group if group is not None else agency.unit_id)
        return self.committees.get(ward) if ward is not None else None

    def _group_of(self, group_id: int | None, ward_id: int) -> bool:
        """Whether the group lay in the ward (or a ward merged into it)."""
        group = self.units.get(group_id) if group_id is not None else None
        if group is None or group.level != UnitLevel.GROUP:
            return False
        parent = group.parent_id
        for _hop in range(MAX_SUCCESSIONS):
            if parent == ward_id or parent is None:
                return parent == ward_id
            following = self.successions.get(parent, [])
            if len(following) != 1 or following[0].kind == SuccessionKind.SPLIT:
                return False
            parent = following[0].successor_id
        return False

    def _handler_today(self, procedure_id: int, group_id: int | None) -> int | None:
        level, agency_id = self.handlings.get(procedure_id, (None, None))
        if level == HandlingLevel.WARD:
            ward = self.ward_on(group_id) if group_id is not None else None
            return self.committees.get(ward) if ward is not None else None
        info = self.agencies.get(agency_id) if agency_id is not None else None
        return info.pk if info is not None and info.valid else None

    def ward_on(self, unit_id: int) -> int | None:
        """catalogue.services.ward_on, on the map: the ward of today of a
        ward or residential group; None when a split leaves it open."""
        unit = self.units.get(unit_id)
        if unit is None:
            return None
        group = unit.pk if unit.level == UnitLevel.GROUP else None
        ward = unit.parent_id if group is not None else unit.pk
        for _hop in range(MAX_SUCCESSIONS):
            if ward is None or self.units[ward].valid_on(self.day):
                return ward
            ward = self._successor(ward, group)
        raise RuntimeError(f"Successions of unit {unit_id} loop.")

    def _successor(self, ward: int, group: int | None) -> int | None:
        following = self.successions.get(ward, [])
        if len(following) == 1 and following[0].kind != SuccessionKind.SPLIT:
            return following[0].successor_id
        for succession in following:
            if group is not None and group in succession.groups:
                return succession.successor_id
        return None


def _agencies(day: date) -> dict[int, AgencyInfo]:
    agencies = Agency.objects.select_related("admin_unit").order_by("pk")
    return {
        agency.pk: AgencyInfo(
            agency.pk,
            agency.name,
            agency.unit_code,
            agency.kind,
            agency.admin_unit_id,
            agency.admin_unit.name,
            agency.admin_unit.code,
            agency.is_valid_on(day),
        )
        for agency in agencies
    }


def _committees(agencies: dict[int, AgencyInfo]) -> dict[int, int]:
    """The People's Committee of each unit that has one today (the first)."""
    found: dict[int, int] = {}
    for agency in agencies.values():
        if agency.valid and agency.kind == AgencyKind.PEOPLES_COMMITTEE:
            found.setdefault(agency.unit_id, agency.pk)
    return found


def _successions(day: date) -> dict[int, list[Succession]]:
    groups: dict[int, set[int]] = defaultdict(set)
    rows = SucceedingGroup.objects.filter(effective_date__lte=day)
    for succession_id, group_id in rows.values_list("succession_id", "group_id"):
        groups[succession_id].add(group_id)
    found: dict[int, list[Succession]] = defaultdict(list)
    successions = UnitSuccession.objects.filter(effective_date__lte=day).order_by("pk")
    for pk, predecessor, successor, kind in successions.values_list(
        "pk", "predecessor_id", "successor_id", "kind"
    ):
        found[predecessor].append(Succession(successor, kind, frozenset(groups[pk])))
    return dict(found)


def _handlings(day: date) -> dict[int, tuple[str, int | None]]:
    """catalogue.services.handling_on for every procedure: its dated rule
    for `day` (the earliest-starting if several), else its own."""
    found = {
        pk: (level, agency)
        for pk, level, agency in Procedure.objects.values_list("pk", "handling_level", "agency_id")
    }
    rules = ProcedureHandling.objects.valid_on(day).order_by("-valid_from", "-pk")
    for procedure, level, agency in rules.values_list(
        "procedure_id", "handling_level", "agency_id"
    ):
        found[procedure] = (level, agency)
    return found
