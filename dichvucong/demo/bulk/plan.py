"""What to make: the size, the time span, the shares of each status and
kind of row, and the master data it is made on (wards, agencies,
procedures, schools), loaded as load_demo loads it when missing."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Procedure
from dichvucong.dossiers.constants import Status
from dichvucong.outreach.models import School

# Shares of dossiers by status: most are finished, a few in each other state.
STATUS_WEIGHTS = {
    Status.DRAFT: 6,
    Status.SUBMITTED: 4,
    Status.ACCEPTED: 4,
    Status.REFUSED: 4,
    Status.PROCESSING: 8,
    Status.SUPPLEMENT: 4,
    Status.AWAITING_PAYMENT: 3,
    Status.WITHDRAWN: 3,
    Status.STOPPED: 3,
    Status.RESOLVED: 11,
    Status.RETURNED: 50,
}
PRACTICE_SHARE = 0.03
ASSISTED_SHARE = 0.04
DOSSIERS_PER_APPLICANT = 4
CHUNK = 20_000


@dataclass
class Plan:
    dossiers: int
    years: int
    seed: int
    now: datetime
    chunk: int = CHUNK

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)

    @property
    def first_day(self) -> date:
        return self.today - timedelta(days=365 * self.years)

    def rng(self, area: str) -> random.Random:
        """One stream per area, so adding rows in one leaves the others alike."""
        return random.Random(f"{self.seed}:{area}")


@dataclass
class Master:
    """The master data rows generated dossiers point at."""

    procedures: list[Procedure]
    ward_committees: list[Agency]
    fallback_agency: Agency
    groups: list[AdminUnit]
    schools: list[School] = field(default_factory=list)

    def agency_ids_for(self, procedure: Procedure) -> list[int]:
        """Where a dossier of `procedure` is lodged: any ward's committee
        for a ward procedure, the handling agency otherwise."""
        if procedure.handling_level == HandlingLevel.WARD and self.ward_committees:
            return [a.pk for a in self.ward_committees]
        return [(procedure.agency or self.fallback_agency).pk]


def load_master() -> Master:
    """The catalogue and units; on an empty database, load_demo's master
    data and procedure list first (no accounts or demo dossiers)."""
    if not Procedure.objects.filter(is_active=True).exists():
        _load_demo_master()
    procedures = list(
        Procedure.objects.filter(is_active=True).select_related("agency").order_by("pk")
    )
    committees = list(
        Agency.objects.filter(kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit__level=UnitLevel.WARD)
    )
    fallback = Agency.objects.order_by("pk").first()
    assert fallback is not None
    groups = list(AdminUnit.objects.filter(level=UnitLevel.GROUP).order_by("pk"))
    schools = list(School.objects.filter(is_public=True).order_by("pk"))
    return Master(procedures, committees, fallback, groups, schools)


def _load_demo_master() -> None:
    from dichvucong.catalogue.importer import import_procedures
    from dichvucong.demo import PROCEDURES_FILE, read_master_data
    from dichvucong.demo.master import load_master as load_units
    from dichvucong.demo.store import Tally

    with transaction.atomic():
        load_units(read_master_data(), Tally())
        with PROCEDURES_FILE.open(encoding="utf-8", newline="") as stream:
            import_procedures(stream)
