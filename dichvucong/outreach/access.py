"""Who sees which outreach rows: one function per resource, used by pages,
exports and later the API alike; querysets are filtered by the user's units.

- A school coordinator (Role.SCHOOL_COORDINATOR with StaffRole.school) sees
  and edits their school only: classes, pupils, sessions, imports.
- The education office (Role.EDUCATION_OFFICE) sees and edits every school
  of its district (schools in the district's wards, and schools taking
  part in a campaign it leads: not every school has a ward recorded) and
  manages campaigns and materials.
- District leadership (Role.DISTRICT_LEADERSHIP) reads campaigns, sessions
  and counts, but no pupil's name: approving commendations does not need
  the rosters, and minors' data goes to as few people as possible.
- Everyone else sees nothing. Nothing here is ever public.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.roles import held_in
from dichvucong.outreach.models import (
    Campaign,
    Material,
    MaterialVersion,
    Pupil,
    RosterImport,
    School,
    SchoolClass,
    TrainingSession,
)

OUTREACH_ROLES = (Role.EDUCATION_OFFICE, Role.SCHOOL_COORDINATOR, Role.DISTRICT_LEADERSHIP)
CACHE_ATTRIBUTE = "_outreach_scope"


@dataclass(frozen=True)
class Scope:
    """What one user may reach, worked out once per request."""

    roles: frozenset[str] = frozenset()
    education_agency_ids: frozenset[int] = frozenset()
    campaign_ids: frozenset[int] = frozenset()
    readable_school_ids: frozenset[int] = frozenset()
    writable_school_ids: frozenset[int] = frozenset()

    @property
    def has_access(self) -> bool:
        return bool(self.roles)

    @property
    def manages_campaigns(self) -> bool:
        return bool(self.education_agency_ids)

    @property
    def may_edit(self) -> bool:
        return bool(self.writable_school_ids)


EMPTY = Scope()


def scope_for(user: Any) -> Scope:
    if not getattr(user, "is_authenticated", False) or user.kind != AccountKind.STAFF:
        return EMPTY
    cached = getattr(user, CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = _compute_scope(user)
        setattr(user, CACHE_ATTRIBUTE, cached)
    return cached


def _compute_scope(user: Any) -> Scope:
    held = [
        (role.role, role.agency_id, role.unit_id, role.school_id)
        for role in held_in(user, OUTREACH_ROLES)
    ]
    if not held:
        return EMPTY
    education = {agency for role, agency, _unit, _school in held if role == Role.EDUCATION_OFFICE}
    own_schools = {
        school
        for role, _a, _u, school in held
        if role == Role.SCHOOL_COORDINATOR and school is not None
    }
    units = {unit for role, _a, unit, _s in held if role != Role.SCHOOL_COORDINATOR}
    education_units = {unit for role, _a, unit, _s in held if role == Role.EDUCATION_OFFICE}
    district_schools = _schools_in(units)
    education_schools = _schools_in(education_units)
    campaigns = Campaign.objects.filter(
        Q(lead_agency__admin_unit_id__in=units)
        | Q(lead_agency_id__in=education)
        | Q(schools__in=own_schools)
    )
    return Scope(
        roles=frozenset(role for role, _a, _u, _s in held),
        education_agency_ids=frozenset(education),
        campaign_ids=frozenset(campaigns.values_list("pk", flat=True)),
        readable_school_ids=frozenset(district_schools | own_schools),
        writable_school_ids=frozenset(education_schools | own_schools),
    )


def _schools_in(unit_ids: set[int]) -> set[int]:
    if not unit_ids:
        return set()
    found = School.objects.filter(
        Q(ward_id__in=unit_ids)
        | Q(ward__parent_id__in=unit_ids)
        | Q(campaigns__lead_agency__admin_unit_id__in=unit_ids)
    )
    return set(found.values_list("pk", flat=True))


# --- One function per resource ---------------------------------------------


def campaigns_for(user: Any) -> QuerySet[Campaign]:
    return Campaign.objects.filter(pk__in=scope_for(user).campaign_ids)


def schools_for(user: Any) -> QuerySet[School]:
    return School.objects.filter(pk__in=scope_for(user).readable_school_ids)


def writable_schools_for(user: Any) -> QuerySet[School]:
    return School.objects.filter(pk__in=scope_for(user).writable_school_ids)


def classes_for(user: Any) -> QuerySet[SchoolClass]:
    return SchoolClass.objects.filter(school_id__in=scope_for(user).readable_school_ids)


def writable_classes_for(user: Any) -> QuerySet[SchoolClass]:
    return SchoolClass.objects.filter(school_id__in=scope_for(user).writable_school_ids)


def pupils_for(user: Any) -> QuerySet[Pupil]:
    """Names of minors: only for those who keep the rosters."""
    return Pupil.objects.filter(school_class__school_id__in=scope_for(user).writable_school_ids)


def sessions_for(user: Any) -> QuerySet[TrainingSession]:
    scope = scope_for(user)
    return TrainingSession.objects.filter(
        campaign_id__in=scope.campaign_ids, school_id__in=scope.readable_school_ids
    )


def writable_sessions_for(user: Any) -> QuerySet[TrainingSession]:
    scope = scope_for(user)
    return TrainingSession.objects.filter(
        campaign_id__in=scope.campaign_ids, school_id__in=scope.writable_school_ids
    )


def imports_for(user: Any) -> QuerySet[RosterImport]:
    scope = scope_for(user)
    campaign_wide = Q(school__isnull=True, campaign__lead_agency_id__in=scope.education_agency_ids)
    return RosterImport.objects.filter(Q(school_id__in=scope.writable_school_ids) | campaign_wide)


def materials_for(user: Any) -> QuerySet[Material]:
    return Material.objects.filter(campaign_id__in=scope_for(user).campaign_ids)


def material_versions_for(user: Any) -> QuerySet[MaterialVersion]:
    return MaterialVersion.objects.filter(material__campaign_id__in=scope_for(user).campaign_ids)


def managed_campaigns_for(user: Any) -> QuerySet[Campaign]:
    """Campaigns the user may edit and add materials to: those led by an
    agency where they hold the education-office role."""
    return Campaign.objects.filter(lead_agency_id__in=scope_for(user).education_agency_ids)
