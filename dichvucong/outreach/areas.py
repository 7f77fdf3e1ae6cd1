"""Electronic residential areas (khu dân cư điện tử, DESIGN.md §6): per ward
and residential group, the households that use the online services, the
active ambassadors, and how many households came online each month.

A household here is one citizen account that has applied, placed where its
profile puts it: the residential group of `CitizenProfile` (its ward is the
group's parent), or only the ward when the profile names no group. We have
no register of who lives with whom, so two members of one family with their
own accounts count as two households; this matches
`services.household_key(user_id=...)`, the key assisted submissions use for
applicants with an account. Organisations are not households. A household
is "online" from its first real dossier: submitted (not a draft), not a
practice dossier. Counts only: nothing on these pages names anyone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, DateTimeField, Exists, F, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMonth

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import CitizenProfile
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach.models import Ambassador
from dichvucong.reports.dbfunctions import as_local_date

# Roles that see every ward of their district, and roles that see their own ward.
DISTRICT_ROLES = (Role.EDUCATION_OFFICE, Role.DISTRICT_LEADERSHIP)
WARD_ROLES = (Role.RECEPTIONIST, Role.LEADER)
# A trend longer than two school years no longer fits a phone screen.
MAX_MONTHS = 24


@dataclass
class GroupRow:
    group_id: int | None  # None: households whose profile names no group
    name: str
    households: int = 0
    ambassadors: int = 0


@dataclass
class WardRow:
    ward_id: int
    name: str
    groups: list[GroupRow] = field(default_factory=list)

    @property
    def households(self) -> int:
        return sum(group.households for group in self.groups)

    @property
    def ambassadors(self) -> int:
        return sum(group.ambassadors for group in self.groups)

    @property
    def groups_online(self) -> int:
        return sum(1 for group in self.groups if group.group_id and group.households)


@dataclass(frozen=True)
class MonthRow:
    month: date
    new: int
    cumulative: int


@dataclass
class Areas:
    wards: list[WardRow]
    months: list[MonthRow]

    @property
    def households(self) -> int:
        return sum(ward.households for ward in self.wards)

    @property
    def ambassadors(self) -> int:
        return sum(ward.ambassadors for ward in self.wards)


# --- Who sees which wards -------------------------------------------------------


def wards_for(user: Any) -> QuerySet[AdminUnit]:
    """Education office and district leadership: every ward of their
    district (or city, in the two-tier model); a ward's receptionists and
    leaders: that ward. Everyone else: none."""
    if not getattr(user, "is_authenticated", False) or user.kind != AccountKind.STAFF:
        return AdminUnit.objects.none()
    # Subqueries, not lists: asking whether there is any ward (the menu
    # does, on every page) costs one query.
    above = user.staff_roles.filter(role__in=DISTRICT_ROLES).values("agency__admin_unit_id")
    own = user.staff_roles.filter(role__in=WARD_ROLES).values("agency__admin_unit_id")
    return _wards().filter(_at_or_under(above) | Q(pk__in=own))


def wards_at(units: Any) -> QuerySet[AdminUnit]:
    """The wards of `units` (ids, or a values() subquery): the wards under
    a district or city, a ward itself; none under a lower unit."""
    return _wards().filter(_at_or_under(units))


def _wards() -> QuerySet[AdminUnit]:
    return AdminUnit.objects.filter(level=UnitLevel.WARD)


def _at_or_under(units: Any) -> Q:
    return Q(parent_id__in=units) | Q(pk__in=units)


# --- Counting --------------------------------------------------------------------


def online_dossiers() -> QuerySet[Dossier]:
    return Dossier.objects.filter(is_practice=False, submitted_at__isnull=False).exclude(status=0)


def online_households(ward_ids: list[int]) -> QuerySet[CitizenProfile]:
    """One row per household of these wards with an online dossier,
    annotated with `home_ward` (the group's ward, else the profile's)."""
    has_dossier = Exists(online_dossiers().filter(applicant=OuterRef("user")))
    return CitizenProfile.objects.annotate(
        home_ward=Coalesce(F("residential_group__parent"), "ward")
    ).filter(has_dossier, home_ward__in=ward_ids)


def areas(wards: QuerySet[AdminUnit]) -> Areas:
    """The table and the trend for `wards`: four queries."""
    ward_list = list(wards.order_by("name"))
    ids = [ward.pk for ward in ward_list]
    households = {
        (ward, group): n
        for ward, group, n in online_households(ids)
        .values_list("home_ward", "residential_group")
        .annotate(n=Count("pk"))
        .order_by()
    }
    ambassadors = dict(
        Ambassador.objects.filter(active=True, residential_group__parent__in=ids)
        .values("residential_group")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("residential_group", "n")
    )
    groups = AdminUnit.objects.filter(parent__in=ids, level=UnitLevel.GROUP)
    rows = {ward.pk: WardRow(ward.pk, ward.name) for ward in ward_list}
    for group in sorted(groups, key=lambda unit: _natural(unit.name)):
        found = households.get((group.parent_id, group.pk), 0)
        rows[group.parent_id].groups.append(
            GroupRow(group.pk, group.name, found, ambassadors.get(group.pk, 0))
        )
    for ward_id, row in rows.items():
        if households.get((ward_id, None)):
            row.groups.append(GroupRow(None, "", households[(ward_id, None)]))
    return Areas(list(rows.values()), monthly_trend(ids))


def monthly_trend(ward_ids: list[int]) -> list[MonthRow]:
    """Households newly online per month (their first online dossier), from
    the first such month to the last, at most the last MAX_MONTHS."""
    first = online_dossiers().filter(applicant=OuterRef("user")).order_by().values("applicant")
    first = first.annotate(at=Min("submitted_at")).values("at")
    counts = dict(
        online_households(ward_ids)
        .annotate(month=TruncMonth(Subquery(first, output_field=DateTimeField())))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("month", "n")
    )
    by_month = {as_local_date(month): n for month, n in counts.items() if month is not None}
    return _with_empty_months(by_month)


def _with_empty_months(by_month: dict[date, int]) -> list[MonthRow]:
    if not by_month:
        return []
    month, last = min(by_month), max(by_month)
    rows: list[MonthRow] = []
    total = 0
    while month <= last:
        total += by_month.get(month, 0)
        rows.append(MonthRow(month, by_month.get(month, 0), total))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return rows[-MAX_MONTHS:]


def _natural(name: str) -> tuple[str, int]:
    """ "Tổ dân phố 2" before "Tổ dân phố 10"."""
    head, _sep, tail = name.rpartition(" ")
    return (head, int(tail)) if tail.isdigit() else (name, 0)
