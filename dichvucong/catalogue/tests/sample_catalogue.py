"""A small catalogue of real Hà Nội procedures for page and browser tests.

A plain function rather than a fixture so that the browser tests under
core/ can build the same catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.base import ContentFile

from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, OnlineLevel, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Field, Procedure, RequiredDocument

BIRTH_FORM_BYTES = b"%PDF-1.4\n% To khai dang ky khai sinh (mau)\n"


@dataclass
class CatalogueSample:
    civil_status: Field
    certification: Field
    construction: Field
    justice_office: Agency
    urban_office: Agency
    birth: Procedure
    marriage: Procedure
    copy_certification: Procedure
    building_permit: Procedure
    retired: Procedure
    birth_form: RequiredDocument


def _agencies() -> tuple[Agency, Agency]:
    city = AdminUnit.objects.create(name="Thành phố Hà Nội", code="H26", level=UnitLevel.CITY)
    district = AdminUnit.objects.create(
        name="Quận Thanh Xuân", code="H26.TX", level=UnitLevel.DISTRICT, parent=city
    )
    ward = AdminUnit.objects.create(
        name="Phường Khương Đình", code="H26.TX.KD", level=UnitLevel.WARD, parent=district
    )
    committee = Agency.objects.create(
        name="UBND quận Thanh Xuân",
        unit_code="000.00.00.TX",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=district,
    )
    Agency.objects.create(
        name="UBND phường Khương Đình",
        unit_code="000.01.00.TX",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=ward,
    )
    justice = Agency.objects.create(
        name="Phòng Tư pháp",
        unit_code="000.00.01.TX",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=district,
        parent=committee,
    )
    urban = Agency.objects.create(
        name="Phòng Quản lý đô thị",
        unit_code="000.00.02.TX",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=district,
        parent=committee,
    )
    return justice, urban


def _birth_documents(birth: Procedure) -> RequiredDocument:
    form = RequiredDocument(procedure=birth, name="Tờ khai đăng ký khai sinh", position=1)
    form.template.save("to-khai-khai-sinh.pdf", ContentFile(BIRTH_FORM_BYTES), save=True)
    RequiredDocument.objects.create(procedure=birth, name="Giấy chứng sinh", position=2)
    RequiredDocument.objects.create(
        procedure=birth, name="Văn bản ủy quyền", required=False, position=3
    )
    return form


def make_catalogue_sample() -> CatalogueSample:
    """Needs database access and, for the birth form, a writable MEDIA_ROOT."""
    justice, urban = _agencies()
    civil_status = Field.objects.create(name="Hộ tịch")
    certification = Field.objects.create(name="Chứng thực")
    construction = Field.objects.create(name="Hoạt động xây dựng")
    ward = HandlingLevel.WARD
    birth = Procedure.objects.create(
        code="1.001193",
        name="Đăng ký khai sinh",
        field=civil_status,
        handling_level=ward,
        online_level=OnlineLevel.PARTIAL,
        working_days=0,
        same_day_cutoff=True,
        fee_text="Miễn lệ phí khi đăng ký đúng hạn",
        fee_rule={"kind": "free", "exemptions": []},
        result_type="Giấy khai sinh",
    )
    marriage = Procedure.objects.create(
        code="1.000894",
        name="Đăng ký kết hôn",
        field=civil_status,
        handling_level=ward,
        online_level=OnlineLevel.FULL,
        working_days=0,
        same_day_cutoff=True,
    )
    copy_certification = Procedure.objects.create(
        code="2.000815",
        name="Chứng thực bản sao từ bản chính giấy tờ văn bản",
        field=certification,
        handling_level=ward,
        online_level=OnlineLevel.FORMS,
        fee_text="2.000 đồng/trang",
        fee_rule={"kind": "per_page", "tiers": [{"from_page": 1, "amount": 2000}]},
    )
    building_permit = Procedure.objects.create(
        code="1.013225",
        name="Cấp giấy phép xây dựng đối với nhà ở riêng lẻ",
        field=construction,
        handling_level=HandlingLevel.DISTRICT,
        agency=urban,
        online_level=OnlineLevel.INFORMATION,
        working_days=15,
        fee_text="75.000 đồng/giấy phép",
        fee_rule={"kind": "fixed", "amount": 75000, "unit": "giấy phép"},
    )
    retired = Procedure.objects.create(
        code="2.000528",
        name="Đăng ký khai sinh có yếu tố nước ngoài",
        field=civil_status,
        handling_level=HandlingLevel.DISTRICT,
        agency=justice,
        online_level=OnlineLevel.PARTIAL,
        is_active=False,
    )
    return CatalogueSample(
        civil_status=civil_status,
        certification=certification,
        construction=construction,
        justice_office=justice,
        urban_office=urban,
        birth=birth,
        marriage=marriage,
        copy_certification=copy_certification,
        building_permit=building_permit,
        retired=retired,
        birth_form=_birth_documents(birth),
    )
