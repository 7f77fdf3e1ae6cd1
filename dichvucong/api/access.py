"""Which dossiers, campaigns and wards an API caller reaches: the web's
own rules (dossiers.access), narrowed where the API narrows them.
Endpoints load only through these functions, so a list cannot leak a row
and an id from elsewhere is a 404."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet

from dichvucong.api.errors import not_found
from dichvucong.api.models import ApiKey
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.access import applicant_dossiers, staff_dossiers
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach.areas import wards_at
from dichvucong.outreach.models import Campaign
from dichvucong.reports.statistics import real_dossiers


def _of_agency(agency_id: int) -> Q:
    """The agency's own dossiers and its departments', as staff_dossiers
    counts them."""
    return Q(agency_id=agency_id) | Q(agency__parent_id=agency_id)


def key_dossiers(key: ApiKey) -> QuerySet[Dossier]:
    """What the key's service account sees on the web, kept to the key's
    agency even if that account is ever given roles elsewhere."""
    return staff_dossiers(key.user).filter(_of_agency(key.agency_id))


def counted_dossiers(key: ApiKey) -> QuerySet[Dossier]:
    """For counts only (no row leaves the server): the key agency's
    dossiers that the reports count (reports.statistics.real_dossiers). A
    read key holds no back-office role, so this cannot go through
    staff_dossiers."""
    return real_dossiers(Dossier.objects.filter(_of_agency(key.agency_id)))


def own_dossiers(user: Any) -> QuerySet[Dossier]:
    """The applicant's real dossiers and drafts; practice runs stay in the
    web's practice mode."""
    return applicant_dossiers(user).filter(is_practice=False)


def load(dossiers: QuerySet[Dossier], public_id: uuid.UUID) -> Dossier:
    dossier = dossiers.filter(public_id=public_id).first()
    if dossier is None:
        raise not_found()
    return dossier


# --- Outreach: counts only, never a pupil ------------------------------------------


def key_campaigns(key: ApiKey) -> QuerySet[Campaign]:
    """Campaigns whose year-end figures the key may read: those its agency
    leads (the district's education office, Phòng GD&ĐT) and those led by
    one of its departments (the district's People's Committee, the lead
    office's parent agency, which approves the report). Any role will do,
    a read-only key included: only counts leave the server. A key of any
    other agency, a ward or another district's, reaches none."""
    agency_id = key.agency_id
    return Campaign.objects.filter(
        Q(lead_agency_id=agency_id) | Q(lead_agency__parent_id=agency_id)
    )


def key_wards(key: ApiKey) -> QuerySet[AdminUnit]:
    """Wards whose electronic residential areas the key may read: every
    ward of the key agency's district (or city, in the two-tier model) for
    an agency placed there, its own ward for a ward's agency; none for an
    agency placed lower down. As outreach.areas.wards_for does for staff."""
    return wards_at([key.agency.admin_unit_id])
