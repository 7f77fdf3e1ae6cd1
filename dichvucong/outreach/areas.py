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

What is shown (`shown`, for the page and the API alike) follows the
small-cells rule of lib/disclosure.py: a group or ward with one to four
households or ambassadors is merged into a "khác" row, a month with fewer
than five new households into a later month. `areas` gives the exact
counts, for tests and checks only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, DateTimeField, Exists, F, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import CitizenProfile
from dichvucong.accounts.roles import unit_ids
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.models import Dossier
from dichvucong.lib import disclosure
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
    # The "other groups" row of `shown`: how many groups it merges, and how
    # many of them have a household online.
    merged: int = 0
    merged_online: int = 0

    @property
    def online(self) -> bool:
        return bool(self.group_id and self.households)

    def counts(self) -> tuple[int, int]:
        return (self.households, self.ambassadors)


@dataclass
class WardRow:
    ward_id: int
    name: str
    groups: list[GroupRow] = field(default_factory=list)
    # In `shown`: the ward's figures are in the "other wards" row.
    merged: bool = False

    @property
    def households(self) -> int:
        return sum(group.households for group in self.groups)

    @property
    def ambassadors(self) -> int:
        return sum(group.ambassadors for group in self.groups)

    @property
    def groups_online(self) -> int:
        return sum(int(group.online) + group.merged_online for group in self.groups)

    @property
    def group_count(self) -> int:
        return sum(group.merged or int(bool(group.group_id)) for group in self.groups)

    def counts(self) -> tuple[int, int]:
        return (self.households, self.ambassadors)


@dataclass(frozen=True)
class MonthRow:
    month: date
    new: int | None  # None (in `shown`): merged into a later month
    cumulative: int | None


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
    # The roles are read once per request (accounts.roles); asking whether
    # there is any ward (the menu does, on every page) costs one query,
    # none for staff without such a role.
    above = sorted(unit_ids(user, DISTRICT_ROLES))
    own = sorted(unit_ids(user, WARD_ROLES))
    if not above and not own:
        return AdminUnit.objects.none()
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


# --- What is shown: the small-cells rule (lib/disclosure.py) ------------------------


@dataclass
class Shown:
    """The areas as pages and the API show them. Wards merged into
    `other_wards` stay listed (merged=True) without figures of their own;
    a total of one to four is None (hidden)."""

    wards: list[WardRow]
    other_wards: GroupRow | None
    months: list[MonthRow]
    households: int | None
    ambassadors: int | None
    suppressed: bool


def shown(wards: QuerySet[AdminUnit], chosen: AdminUnit | None = None) -> Shown:
    """All of `wards`, or only `chosen` among them: cut from the merge over
    all of them, so a ward merged with another in the whole view is not
    shown alone in its own (its figure would be the merged row minus the
    other's)."""
    every = disclose(areas(wards))
    if chosen is None:
        return every
    ward = next(row for row in every.wards if row.ward_id == chosen.pk)
    if ward.merged:
        return Shown([ward], None, [], None, None, suppressed=True)
    months = _disclose_months(monthly_trend([ward.ward_id]))
    return Shown(
        wards=[ward],
        other_wards=None,
        months=months,
        households=disclosure.hide(ward.households),
        ambassadors=disclosure.hide(ward.ambassadors),
        suppressed=any(g.merged for g in ward.groups) or any(m.new is None for m in months),
    )


def disclose(found: Areas) -> Shown:
    split = disclosure.merge_small(found.wards, WardRow.counts)
    rows, suppressed = [], split.suppressed
    for ward in found.wards:
        if ward in split.kept:
            ward, merged_groups = _disclose_groups(ward)
            suppressed = suppressed or merged_groups
        else:
            ward = WardRow(ward.ward_id, ward.name, merged=True)
        rows.append(ward)
    months = _disclose_months(found.months)
    other = _other(split.merged, _("Các phường khác (gộp)")) if split.merged else None
    return Shown(
        wards=rows,
        other_wards=other if split.kept else None,
        months=months,
        households=disclosure.hide(found.households),
        ambassadors=disclosure.hide(found.ambassadors),
        suppressed=suppressed or any(row.new is None for row in months),
    )


def _disclose_groups(ward: WardRow) -> tuple[WardRow, bool]:
    split = disclosure.merge_small(ward.groups, GroupRow.counts)
    if not split.suppressed:
        return ward, False
    groups = [*split.kept, _other(split.merged, _("Các tổ dân phố khác (gộp)"))]
    return WardRow(ward.ward_id, ward.name, groups), True


def _other(rows: list[Any], name: str) -> GroupRow:
    """One row for `rows` (groups, or wards): their summed figures."""
    households, ambassadors = disclosure.summed(rows, lambda row: row.counts())
    groups = [g for row in rows for g in getattr(row, "groups", [row])]
    return GroupRow(
        None,
        name,
        households,
        ambassadors,
        merged=sum(1 for g in groups if g.group_id),
        merged_online=sum(1 for g in groups if g.online),
    )


def _disclose_months(months: list[MonthRow]) -> list[MonthRow]:
    """The trend under lib/disclosure.merge_runs. Households online before
    the months listed (past MAX_MONTHS) lead the series, so the cumulative
    figures stay exact; fewer than five of them join the first month shown."""
    if not months:
        return []
    before = (months[0].cumulative or 0) - (months[0].new or 0)
    shown = disclosure.merge_runs([before, *(row.new or 0 for row in months)])
    total, rows = shown[0] or 0, []
    for row, new in zip(months, shown[1:], strict=True):
        total += new or 0
        rows.append(MonthRow(row.month, new, None if new is None else total))
    return rows
