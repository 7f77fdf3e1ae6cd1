"""Who may see and act on which dossier: one place for web, API and exports.

Staff see the dossiers of the agencies they hold a back-office role in; a
role at a People's Committee also covers its departments (the district's
one-stop office receives for all of them). After a reorganisation they
also read the history their agency took over (`readable_staff_dossiers`):
the ended dossiers of a ward's committee merged whole into theirs, and of
a split ward's committee those whose residential group went to theirs,
by the one map of reports.unitmap. Acting stays with the agency that
holds the dossier (staff_dossiers, holds_role). Applicants see their own. A
helper (outreach ambassador) may fill in the drafts they started for an
applicant, and nothing of them once submitted."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from dichvucong.accounts import roles as held_roles
from dichvucong.accounts.constants import Role
from dichvucong.catalogue.models import Agency, UnitSuccession
from dichvucong.dossiers.constants import CLOSED_STATUSES, Status
from dichvucong.dossiers.models import Dossier
from dichvucong.reports.unitmap import UnitMap

BACK_OFFICE_ROLES = (Role.RECEPTIONIST, Role.SPECIALIST, Role.LEADER)
# What `reach` found, kept on the user object for the request: a page
# asks more than once (the menu, the dashboard, the list).
REACH_ATTRIBUTE = "_dossier_reach"


def agency_ids_for(user, roles=BACK_OFFICE_ROLES) -> set[int]:  # type: ignore[no-untyped-def]
    return held_roles.agency_ids(user, roles)


def covered_agency_ids(user, roles=BACK_OFFICE_ROLES) -> list[int]:  # type: ignore[no-untyped-def]
    """The agencies the user holds a role in and their departments, in one
    query. Handed to the dossier query as a list of numbers, not as a
    subquery: PostgreSQL plans `agency_id IN (12)` with the dossier's
    (agency, ...) indexes, where behind a subquery it guessed and read
    every dossier of a procedure to find one of the office's (580 ms at
    300,000 dossiers for the queue's procedure filter, against 2 ms)."""
    return reach(user, roles).agency_ids


@dataclass(frozen=True)
class Reach:
    """The agencies whose dossiers the user works on, and the history
    taken over from ended ones: predecessor committee → None (all its
    dossiers) or the residential groups, as submitted from (a dossier
    keeps its own), of the dossiers that came to the user's agency."""

    agency_ids: list[int]
    history: dict[int, frozenset[int] | None]

    def history_q(self) -> Q | None:
        """The ended dossiers of the history, every id a literal number
        (as covered_agency_ids says why)."""
        if not self.history:
            return None
        whole = sorted(pk for pk, groups in self.history.items() if groups is None)
        parts = [Q(agency_id__in=whole)] if whole else []
        parts += [
            Q(agency_id=pk, residential_group_id__in=sorted(groups))
            for pk, groups in sorted(self.history.items())
            if groups is not None
        ]
        return Q(status__in=CLOSED_STATUSES) & reduce(operator.or_, parts)


NOBODY = Reach([], {})


def reach(user, roles=BACK_OFFICE_ROLES) -> Reach:  # type: ignore[no-untyped-def]
    """One query while the user's agencies succeeded no unit; with a
    predecessor, the map's four more. Kept on the user object for the
    agencies held and the day: once per request, however often a page
    asks. No role, no query."""
    held = sorted(agency_ids_for(user, roles))
    if not held:
        return NOBODY
    today = timezone.localdate()
    kept = getattr(user, REACH_ATTRIBUTE, None)
    if kept is None:
        kept = {}
        setattr(user, REACH_ATTRIBUTE, kept)
    key = (today, tuple(held))
    if key not in kept:
        kept[key] = _reach(held, today)
    return kept[key]


def _reach(held: list[int], today) -> Reach:  # type: ignore[no-untyped-def]
    succeeded = UnitSuccession.objects.filter(
        successor_id=OuterRef("admin_unit_id"), effective_date__lte=today
    )
    covered = Agency.objects.filter(Q(pk__in=held) | Q(parent_id__in=held))
    rows = sorted(covered.annotate(succeeds=Exists(succeeded)).values_list("pk", "succeeds"))
    ids = [pk for pk, _succeeds in rows]
    if not any(succeeds for _pk, succeeds in rows):
        return Reach(ids, {})
    return Reach(ids, UnitMap(today).succeeded_by(ids))


def staff_dossiers(user, roles=BACK_OFFICE_ROLES) -> QuerySet[Dossier]:  # type: ignore[no-untyped-def]
    """Real (non-draft, non-practice) dossiers of the user's agencies: the
    ones they act on."""
    ids = covered_agency_ids(user, roles)
    return _real(Q(agency_id__in=ids)) if ids else Dossier.objects.none()


def readable_staff_dossiers(user) -> QuerySet[Dossier]:  # type: ignore[no-untyped-def]
    """staff_dossiers and the ended dossiers of the agencies theirs took
    over: for the lists, the dossier's page, its files and the figures,
    which only read."""
    return readable_within(reach(user))


def readable_within(found: Reach) -> QuerySet[Dossier]:
    if not found.agency_ids:
        return Dossier.objects.none()
    history = found.history_q()
    condition = Q(agency_id__in=found.agency_ids)
    return _real(condition if history is None else condition | history)


def _real(condition: Q) -> QuerySet[Dossier]:
    return (
        Dossier.objects.filter(condition, is_practice=False)
        .exclude(status=0)
        .select_related("procedure", "agency")
    )


def applicant_dossiers(user) -> QuerySet[Dossier]:  # type: ignore[no-untyped-def]
    if not getattr(user, "is_authenticated", False):
        return Dossier.objects.none()
    return Dossier.objects.filter(applicant=user).select_related("procedure", "agency")


def editable_drafts(user) -> QuerySet[Dossier]:  # type: ignore[no-untyped-def]
    """Drafts the user may fill in: their own, and those they fill in for
    an applicant as the helper. Drafts only: a helper's access to the
    content ends when the dossier is submitted. For the draft-editing
    pages only; everything else goes through applicant_dossiers."""
    if not getattr(user, "is_authenticated", False):
        return Dossier.objects.none()
    return Dossier.objects.filter(
        Q(applicant=user) | Q(helper=user), status=Status.DRAFT
    ).select_related("procedure", "agency")


def holds_role(user, dossier: Dossier, role: str) -> bool:  # type: ignore[no-untyped-def]
    ids = agency_ids_for(user, (role,))
    return dossier.agency_id in ids or dossier.agency.parent_id in ids
