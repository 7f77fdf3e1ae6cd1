"""The usual cast (dossiers/testing.py) through a 2025-style reorganisation:
ward A (Khương Mai) merged whole into a new ward Phương Liệt; ward B
(Khương Đình) split by residential group between Phương Liệt and a new
Khương Đình. Test code only."""

from __future__ import annotations

from datetime import date
from typing import Any

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.catalogue.reorganisation import load_reorganisation
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_draft

FIRST_DAY = date(2025, 7, 1)
BASIS = "Nghị quyết 1656/NQ-UBTVQH15"


def _ward(name: str, code: str, agency_code: str) -> dict[str, Any]:
    return {
        "name": name,
        "code": code,
        "parent": "T-H26",
        "valid_from": FIRST_DAY.isoformat(),
        "agencies": [
            {
                "name": f"UBND {name[0].lower()}{name[1:]}",
                "kind": "committee",
                "unit_code": agency_code,
            }
        ],
    }


def _succession(predecessor: str, successor: str, kind: str, groups: list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "predecessor": predecessor,
        "successor": successor,
        "effective_date": FIRST_DAY.isoformat(),
        "kind": kind,
        "legal_basis": BASIS,
    }
    if groups:
        row["groups"] = groups
    return row


def add_groups_to_ward_b(cast: Cast) -> tuple[AdminUnit, AdminUnit]:
    """Ward B's two residential groups, made before the reorganisation."""
    first = AdminUnit.objects.create(
        name="Tổ dân phố 1", code="T-KD-1", level=UnitLevel.GROUP, parent=cast.ward_b
    )
    second = AdminUnit.objects.create(
        name="Tổ dân phố 2", code="T-KD-2", level=UnitLevel.GROUP, parent=cast.ward_b
    )
    return first, second


def reorganise_cast() -> tuple[Agency, Agency]:
    """Load the reorganisation; the new committees of Phương Liệt (which
    takes ward A and ward B's group 1) and Khương Đình (group 2)."""
    load_reorganisation(
        {
            "ended_units": [
                {"code": "T-TX", "valid_to": "2025-06-30"},
                {"code": "T-KM", "valid_to": "2025-06-30"},
                {"code": "T-KD", "valid_to": "2025-06-30"},
            ],
            "new_wards": [
                _ward("Phường Phương Liệt", "T-PL", "T.PL"),
                _ward("Phường Khương Đình mới", "T-KDN", "T.KDN"),
            ],
            "successions": [
                _succession("T-KM", "T-PL", "merged", []),
                _succession("T-KD", "T-PL", "split", ["T-KD-1"]),
                _succession("T-KD", "T-KDN", "split", ["T-KD-2"]),
            ],
        }
    )
    return Agency.objects.get(unit_code="T.PL"), Agency.objects.get(unit_code="T.KDN")


def submit_at_ward_b(
    cast: Cast, group: AdminUnit | None, *, account_group: AdminUnit | None = None
) -> Dossier:
    """A dossier of the other applicant (whose account says ward B, and
    `account_group`) submitted to ward B's committee, its e-form address
    in `group` when given."""
    profile = cast.other_applicant.citizen
    profile.residential_group = account_group
    profile.save()
    dossier = make_draft(cast, applicant=cast.other_applicant, agency=cast.agency_b)
    if group is not None:
        address = {"ward": cast.ward_b.pk, "group": group.pk, "street": "5 Khương Đình"}
        dossier.form_data = {**dossier.form_data, "home": address}
        dossier.save(update_fields=["form_data"])
    lifecycle.submit(dossier, cast.other_applicant)
    dossier.refresh_from_db()
    return dossier
