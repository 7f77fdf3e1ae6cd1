from __future__ import annotations

from dichvucong.catalogue.constants import AgencyKind, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency


def two_agencies() -> tuple[Agency, Agency]:
    district = AdminUnit.objects.create(name="Thanh Xuân", code="D-TX", level=UnitLevel.DISTRICT)
    committee = Agency.objects.create(
        name="UBND quận Thanh Xuân",
        unit_code="D.TX",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=district,
    )
    office = Agency.objects.create(
        name="Phòng Giáo dục và Đào tạo",
        unit_code="D.GD",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=district,
        parent=committee,
    )
    return committee, office
