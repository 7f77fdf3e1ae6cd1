"""Which dossiers, campaigns and wards an API caller reaches: the web's
own rules (dossiers.access), narrowed where the API narrows them.
Endpoints load only through these functions, so a list cannot leak a row
and an id from elsewhere is a 404."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from dichvucong.api.errors import not_found
from dichvucong.api.models import ApiKey
from dichvucong.catalogue.constants import AgencyKind
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.dossiers.access import applicant_dossiers, staff_dossiers
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach.areas import wards_at
from dichvucong.outreach.models import Campaign
from dichvucong.reports.statistics import real_dossiers
from dichvucong.reports.unitmap import VIEW_TODAY, UnitMap, any_ended


def _of_agency(agency_id: int, path: str = "agency__") -> Q:
    """The agency's own dossiers and its departments', as staff_dossiers
    counts them (`path` "": the agencies themselves)."""
    return Q(**{f"{path}pk": agency_id}) | Q(**{f"{path}parent_id": agency_id})


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


def status_counts(key: ApiKey, view: str, today: date) -> Counter[int]:
    """The counted dossiers by status: of the key agency (and its
    departments) as they were handled, or by today's units those
    reports.unitmap gives it today, taken over from ended agencies too.
    Every dossier is counted in one agency either way."""
    counts: Counter[int] = Counter()
    dossiers = counted_dossiers(key)
    if view != VIEW_TODAY or not any_ended(today):
        counts.update(_by_status(dossiers))
        return counts
    unit_map = UnitMap(today)
    ended = [pk for pk, agency in unit_map.agencies.items() if not agency.valid]
    counts.update(_by_status(dossiers.exclude(agency_id__in=ended)))
    own = set(Agency.objects.filter(_of_agency(key.agency_id, "")).values_list("pk", flat=True))
    # Only the ended agencies whose dossiers may come here are read.
    committees = unit_map.succeeded_by(own)
    feeding = [
        pk
        for pk in ended
        if pk in committees or unit_map.agencies[pk].kind != AgencyKind.PEOPLES_COMMITTEE
    ]
    group = "residential_group_id"
    rows = (
        real_dossiers(Dossier.objects.filter(agency_id__in=feeding))
        .values_list("agency_id", "procedure_id", group, "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for agency_id, procedure_id, group, status, n in rows:
        if unit_map.agency_today(agency_id, procedure_id, group) in own:
            counts[status] += n
    return counts


def _by_status(dossiers: QuerySet[Dossier]) -> dict[int, int]:
    rows = dossiers.values_list("status").annotate(n=Count("pk")).order_by()
    return dict(rows)


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
