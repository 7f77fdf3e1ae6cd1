"""Whose dossiers a report counts: one rule for the pages and the exports.

The public page counts the whole district. The staff dashboard counts what
`dossiers.access.readable_staff_dossiers` lets the user see (their agencies
and, for a People's Committee, its departments, with the ended dossiers of
the agencies theirs took over in a reorganisation); district leadership
sees every agency in its unit's part of the tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.roles import unit_ids
from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.access import NOBODY, agency_ids_for, reach, readable_within
from dichvucong.dossiers.models import Dossier
from dichvucong.reports.statistics import real_dossiers


@dataclass(frozen=True)
class Scope:
    dossiers: QuerySet[Dossier]
    agency_ids: frozenset[int] | None  # None: the whole district, every agency
    label: str
    # Ended agencies part of whose dossiers `dossiers` holds (the history
    # taken over): counted from the dossiers, never from the kept counts.
    history_ids: frozenset[int] = field(default_factory=frozenset)

    def agencies(self) -> QuerySet[Agency]:
        agencies = Agency.objects.select_related("admin_unit").order_by("name")
        return agencies if self.agency_ids is None else agencies.filter(pk__in=self.agency_ids)


def public_scope() -> Scope:
    return Scope(real_dossiers(), None, _("Toàn quận"))


def dashboard_scope(user: Any) -> Scope | None:
    """None when the user may not see the dashboard at all."""
    if not getattr(user, "is_authenticated", False) or user.kind != AccountKind.STAFF:
        return None
    led = _led_agency_ids(user)
    staffed = agency_ids_for(user)
    if not led and not staffed:
        return None
    found = reach(user) if staffed else NOBODY
    dossiers = readable_within(found)
    if led:
        dossiers = dossiers | real_dossiers().filter(agency_id__in=led)
    # The agencies held and their departments (staff_dossiers' rule).
    covered = led | set(found.agency_ids)
    label = _("Toàn quận") if led else ", ".join(_agency_names(covered))
    history = frozenset(found.history) - covered
    return Scope(dossiers, frozenset(covered), label, history)


def _led_agency_ids(user: Any) -> set[int]:
    """Agencies in the part of the tree under the units where the user holds
    the district leadership role: the unit itself and up to two levels
    below it (district -> ward -> residential group)."""
    units = unit_ids(user, (Role.DISTRICT_LEADERSHIP,))
    if not units:
        return set()
    below = (
        Q(admin_unit_id__in=units)
        | Q(admin_unit__parent_id__in=units)
        | Q(admin_unit__parent__parent_id__in=units)
    )
    return set(Agency.objects.filter(below).values_list("pk", flat=True))


def _agency_names(agency_ids: set[int]) -> list[str]:
    return list(
        Agency.objects.filter(pk__in=agency_ids).order_by("name").values_list("name", flat=True)
    )
