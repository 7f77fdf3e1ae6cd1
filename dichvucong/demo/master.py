"""The administrative tree, agencies and schools of quận Thanh Xuân (2017),
from data/thanh_xuan_2017.json."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dichvucong.catalogue.constants import AgencyKind, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.demo.store import Tally, refresh, upsert
from dichvucong.outreach.models import School

# Residential groups per ward. Placeholders of a believable size: the real
# lists are kept by each ward and change with every reorganisation.
GROUP_COUNTS = {
    "Hạ Đình": 8,
    "Khương Đình": 10,
    "Khương Mai": 9,
    "Khương Trung": 12,
    "Kim Giang": 7,
    "Nhân Chính": 12,
    "Phương Liệt": 10,
    "Thanh Xuân Bắc": 9,
    "Thanh Xuân Nam": 6,
    "Thanh Xuân Trung": 11,
    "Thượng Đình": 8,
}
DEFAULT_GROUP_COUNT = 8


@dataclass
class Master:
    city: AdminUnit
    district: AdminUnit
    wards: dict[str, AdminUnit] = field(default_factory=dict)
    district_committee: Agency | None = None
    departments: dict[str, Agency] = field(default_factory=dict)
    ward_committees: dict[str, Agency] = field(default_factory=dict)
    schools: dict[str, School] = field(default_factory=dict)

    def department(self, prefix: str) -> Agency:
        """The department whose name starts with `prefix` ("Phòng Tư pháp")."""
        return next(a for name, a in self.departments.items() if name.startswith(prefix))


def load_master(data: dict[str, Any], tally: Tally) -> Master:
    city = upsert(
        AdminUnit,
        tally,
        {"code": data["city"]["code"]},
        {"name": data["city"]["name"], "level": UnitLevel.CITY, "parent": None},
    )
    district = upsert(
        AdminUnit,
        tally,
        {"code": f"{city.code}.TX"},
        {"name": data["district"]["name"], "level": UnitLevel.DISTRICT, "parent": city},
    )
    master = Master(city=city, district=district)
    for number, ward_name in enumerate(data["wards"], start=1):
        master.wards[ward_name] = _ward(district, number, ward_name, tally)
    _agencies(master, data, tally)
    for school in data["public_lower_secondary_schools"]:
        master.schools[school["name"]] = upsert(
            School,
            tally,
            {"name": school["name"]},
            {
                "ward": master.wards.get(school.get("ward", "")),
                "is_public": True,
                "verified": bool(school.get("verified", False)),
            },
        )
    return master


def _ward(district: AdminUnit, number: int, name: str, tally: Tally) -> AdminUnit:
    ward = upsert(
        AdminUnit,
        tally,
        {"code": f"{district.code}.{number:02d}"},
        {"name": f"Phường {name}", "level": UnitLevel.WARD, "parent": district},
    )
    # Read and written in bulk: a hundred groups one query each is slow.
    existing = {unit.code: unit for unit in ward.children.all()}
    missing = []
    for group in range(1, GROUP_COUNTS.get(name, DEFAULT_GROUP_COUNT) + 1):
        code = f"{ward.code}.{group:02d}"
        values = {"name": f"Tổ dân phố {group}", "level": UnitLevel.GROUP, "parent": ward}
        if code in existing:
            refresh(existing[code], values, tally)
        else:
            missing.append(AdminUnit(code=code, **values))
    AdminUnit.objects.bulk_create(missing)
    tally.created[AdminUnit._meta.label] += len(missing)
    return ward


def _agencies(master: Master, data: dict[str, Any], tally: Tally) -> None:
    """Unit codes have the national shape (lib/dossier_codes.py) but are
    placeholders: the district's from the data file, departments
    000.DD.00, ward committees 000.00.WW, all with the province's suffix."""
    district_code = data["district"]["unit_code"]
    suffix = district_code.split(".", 3)[3]
    name = master.district.name
    committee = _agency(
        tally,
        district_code,
        f"UBND {name[0].lower()}{name[1:]}",
        AgencyKind.PEOPLES_COMMITTEE,
        master.district,
        None,
    )
    master.district_committee = committee
    for number, name in enumerate(data["district_departments"], start=1):
        master.departments[name] = _agency(
            tally,
            f"000.{number:02d}.00.{suffix}",
            name,
            AgencyKind.DEPARTMENT,
            master.district,
            committee,
        )
    for number, (name, ward) in enumerate(master.wards.items(), start=1):
        master.ward_committees[name] = _agency(
            tally,
            f"000.00.{number:02d}.{suffix}",
            f"UBND phường {name}",
            AgencyKind.PEOPLES_COMMITTEE,
            ward,
            None,
        )


def _agency(
    tally: Tally, unit_code: str, name: str, kind: str, unit: AdminUnit, parent: Agency | None
) -> Agency:
    values = {"name": name, "kind": kind, "admin_unit": unit, "parent": parent}
    # Demo databases made before codes lost their "-demo" tail keep their rows.
    Agency.objects.filter(unit_code=f"{unit_code}-demo").update(unit_code=unit_code)
    return upsert(Agency, tally, {"unit_code": unit_code}, values)
