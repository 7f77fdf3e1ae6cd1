"""The usual cast for tests: two wards with their People's Committees and
staff, an applicant, a procedure with an e-form, and helpers that drive a
dossier through the real lifecycle to a wanted status.

Test code only; imported by the conftest files of the apps that need it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import CitizenProfile, StaffRole, User
from dichvucong.catalogue.constants import (
    AgencyKind,
    HandlingLevel,
    OnlineLevel,
    SuccessionKind,
    UnitLevel,
)
from dichvucong.catalogue.models import (
    AdminUnit,
    Agency,
    Field,
    Procedure,
    RequiredDocument,
    SucceedingGroup,
    UnitSuccession,
)
from dichvucong.dossiers import lifecycle, uploads
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.lib.tests import hostile_files

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# Real images (a 1 x 1 grey PNG and JPEG): uploads read their headers.
PNG_BYTES = hostile_files.png()
JPEG_BYTES = hostile_files.JPEG

BIRTH_SCHEMA: list[dict[str, Any]] = [
    {"title": "Người được khai sinh", "fields": [
        {"name": "child_name", "label": "Họ, chữ đệm và tên", "type": "text",
         "required": True, "max_length": 100},
        {"name": "birth_date", "label": "Ngày sinh", "type": "date", "required": True,
         "max": "today"},
        {"name": "sex", "label": "Giới tính", "type": "choice", "choices": ["Nam", "Nữ"],
         "required": True},
    ]},
    {"title": "Người đi khai", "fields": [
        {"name": "declarant_name", "label": "Họ tên người đi khai", "type": "text",
         "required": True, "prefill": "full_name"},
        {"name": "declarant_id", "label": "Số định danh cá nhân", "type": "id_number",
         "required": True, "prefill": "id_number"},
        {"name": "declarant_phone", "label": "Số điện thoại", "type": "phone",
         "required": True, "prefill": "phone"},
        {"name": "copies", "label": "Số bản sao trích lục", "type": "number", "min": 0,
         "max": 10},
    ]},
]

BIRTH_FORM_DATA = {
    "child_name": "Nguyễn Minh An", "birth_date": "2026-11-20", "sex": "Nam",
    "declarant_name": "Nguyễn Văn Bình", "declarant_id": "001090012345",
    "declarant_phone": "0912345678", "copies": 1,
}


@dataclass
class Cast:
    city: AdminUnit
    district: AdminUnit
    ward_a: AdminUnit
    ward_b: AdminUnit
    group_a: AdminUnit
    agency_a: Agency
    agency_b: Agency
    procedure: Procedure
    applicant: User
    other_applicant: User
    receptionist_a: User
    specialist_a: User
    leader_a: User
    receptionist_b: User
    specialist_b: User
    leader_b: User


def pdf_upload(name: str = "giay-chung-sinh.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _unit(name: str, code: str, level: str, parent: AdminUnit | None) -> AdminUnit:
    return AdminUnit.objects.create(name=name, code=code, level=level, parent=parent)


def _staff(username: str, name: str, role: str, agency: Agency) -> User:
    user = User.objects.create_user(username=username, password="matkhau-demo-1",
                                    full_name=name, kind=AccountKind.STAFF)
    StaffRole.objects.create(user=user, role=role, agency=agency)
    return user


def _citizen(username: str, name: str, phone: str, ward: AdminUnit) -> User:
    user = User.objects.create_user(username=username, password="matkhau-demo-1",
                                    full_name=name, email=f"{username}@example.vn")
    CitizenProfile.objects.create(user=user, id_number=username, phone=phone,
                                  address="12 Khương Trung", ward=ward)
    return user


def make_cast() -> Cast:
    city = _unit("Hà Nội", "T-H26", UnitLevel.CITY, None)
    district = _unit("Thanh Xuân", "T-TX", UnitLevel.DISTRICT, city)
    ward_a = _unit("Khương Mai", "T-KM", UnitLevel.WARD, district)
    ward_b = _unit("Khương Đình", "T-KD", UnitLevel.WARD, district)
    group_a = _unit("Tổ dân phố 1", "T-KM-1", UnitLevel.GROUP, ward_a)
    agency_a = Agency.objects.create(name="UBND phường Khương Mai", unit_code="T.KM",
                                     kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit=ward_a)
    agency_b = Agency.objects.create(name="UBND phường Khương Đình", unit_code="T.KD",
                                     kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit=ward_b)
    field = Field.objects.create(name="Hộ tịch")
    procedure = Procedure.objects.create(
        code="1.001193", name="Đăng ký khai sinh", field=field,
        handling_level=HandlingLevel.WARD, online_level=OnlineLevel.PARTIAL, working_days=3,
        fee_text="Miễn lệ phí", fee_rule={"kind": "free"}, result_type="Giấy khai sinh",
        form_schema=BIRTH_SCHEMA,
    )
    RequiredDocument.objects.create(procedure=procedure, name="Giấy chứng sinh", position=1)
    RequiredDocument.objects.create(procedure=procedure, name="Văn bản ủy quyền (nếu có)",
                                    required=False, position=2)
    return Cast(
        city=city, district=district, ward_a=ward_a, ward_b=ward_b, group_a=group_a,
        agency_a=agency_a, agency_b=agency_b, procedure=procedure,
        applicant=_citizen("001090012345", "Nguyễn Văn Bình", "0912345678", ward_a),
        other_applicant=_citizen("001190054321", "Trần Thị Hoa", "0987654321", ward_b),
        receptionist_a=_staff("tiepnhan.a", "Lê Tiếp Nhận", Role.RECEPTIONIST, agency_a),
        specialist_a=_staff("chuyenvien.a", "Phạm Chuyên Viên", Role.SPECIALIST, agency_a),
        leader_a=_staff("lanhdao.a", "Hoàng Lãnh Đạo", Role.LEADER, agency_a),
        receptionist_b=_staff("tiepnhan.b", "Vũ Tiếp Nhận", Role.RECEPTIONIST, agency_b),
        specialist_b=_staff("chuyenvien.b", "Đỗ Chuyên Viên", Role.SPECIALIST, agency_b),
        leader_b=_staff("lanhdao.b", "Bùi Lãnh Đạo", Role.LEADER, agency_b),
    )


def make_draft(cast: Cast, applicant: User | None = None, agency: Agency | None = None) -> Dossier:
    applicant = applicant or cast.applicant
    dossier = Dossier.objects.create(
        procedure=cast.procedure, agency=agency or cast.agency_a, applicant=applicant,
        applicant_name=applicant.full_name, applicant_id_number=applicant.username,
        applicant_phone=applicant.citizen.phone, applicant_email=applicant.email,
        form_data=dict(BIRTH_FORM_DATA),
    )
    document = cast.procedure.documents.get(required=True)
    uploads.add_attachment(dossier, applicant, pdf_upload(), document=document)
    return dossier


# Steps the real lifecycle takes to reach each status from a draft.
def _path(cast: Cast, dossier: Dossier, status: int) -> None:
    steps = {
        Status.SUBMITTED: [],
        Status.ACCEPTED: [lambda d: lifecycle.accept(d, cast.receptionist_a)],
        Status.REFUSED: [lambda d: lifecycle.refuse(d, cast.receptionist_a, "Sai thẩm quyền")],
        Status.SUPPLEMENT: [lambda d: lifecycle.request_supplement(
            d, cast.receptionist_a, ["Giấy chứng sinh bản rõ nét"])],
        Status.WITHDRAWN: [lambda d: lifecycle.withdraw(d, cast.applicant, "Nộp nhầm")],
        Status.PROCESSING: [lambda d: lifecycle.accept(d, cast.receptionist_a),
                            lambda d: lifecycle.assign(d, cast.leader_a, cast.specialist_a)],
    }
    processing = steps[Status.PROCESSING]
    forwarded = [*processing, lambda d: lifecycle.forward(d, cast.specialist_a, "Đủ điều kiện")]
    steps[Status.RESOLVED] = [*forwarded, lambda d: lifecycle.approve(d, cast.leader_a)]
    steps[Status.STOPPED] = [*processing, lambda d: lifecycle.stop(d, cast.leader_a, "Không đủ")]
    steps[Status.RETURNED] = [*steps[Status.RESOLVED],
                              lambda d: lifecycle.return_result(d, cast.receptionist_a)]
    for step in steps[Status(status)]:
        step(dossier)


def make_dossier(cast: Cast, status: int = Status.SUBMITTED) -> Dossier:
    """A dossier of the cast's applicant at ward A, brought to `status`
    through the real operations (so events, codes and dates are real)."""
    dossier = make_draft(cast)
    lifecycle.submit(dossier, cast.applicant)
    _path(cast, dossier, status)
    dossier.refresh_from_db()
    return dossier




# --- Wards a reorganisation ended (issue 15) -------------------------------------------

LAST_DAY = date(2025, 6, 30)
FIRST_DAY = date(2025, 7, 1)


@dataclass
class FormerWards:
    """Two wards of the cast's district that a reorganisation ended on
    30/06/2025, each with its People's Committee: Nhân Chính merged whole
    into ward A; Thượng Đình split, its group 1 to ward A and its group 2
    to ward B, with one resident in each."""

    merged: Agency
    split: Agency
    group_to_a: AdminUnit
    group_to_b: AdminUnit
    resident_to_a: User
    resident_to_b: User


def _former_ward(cast: Cast, name: str, code: str) -> tuple[AdminUnit, Agency]:
    ward = AdminUnit.objects.create(name=name, code=f"T-{code}", level=UnitLevel.WARD,
                                    parent=cast.district, valid_to=LAST_DAY)
    committee = Agency.objects.create(name=f"UBND phường {name}", unit_code=f"T.{code}",
                                      kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit=ward,
                                      valid_to=LAST_DAY)
    return ward, committee


def _split_to(ward: AdminUnit, successor: AdminUnit, number: int) -> AdminUnit:
    group = AdminUnit.objects.create(name=f"Tổ dân phố {number}", code=f"{ward.code}-{number}",
                                     level=UnitLevel.GROUP, parent=ward, valid_to=LAST_DAY)
    succession = UnitSuccession.objects.create(predecessor=ward, successor=successor,
                                               effective_date=FIRST_DAY,
                                               kind=SuccessionKind.SPLIT)
    SucceedingGroup.objects.create(succession=succession, group=group)
    return group


def add_former_wards(cast: Cast) -> FormerWards:
    merged_ward, merged = _former_ward(cast, "Nhân Chính", "NC")
    UnitSuccession.objects.create(predecessor=merged_ward, successor=cast.ward_a,
                                  effective_date=FIRST_DAY, kind=SuccessionKind.MERGED)
    split_ward, split = _former_ward(cast, "Thượng Đình", "TD")
    residents = []
    for number, successor, username, name in (
        (1, cast.ward_a, "001090077701", "Đặng Thị Thu"),
        (2, cast.ward_b, "001090077702", "Lý Văn Hải"),
    ):
        group = _split_to(split_ward, successor, number)
        resident = _citizen(username, name, f"09110000{number:02d}", split_ward)
        CitizenProfile.objects.filter(user=resident).update(residential_group=group)
        residents.append((group, resident))
    (group_a, resident_a), (group_b, resident_b) = residents
    return FormerWards(merged, split, group_a, group_b, resident_a, resident_b)


def former_dossier(cast: Cast, agency: Agency, applicant: User | None = None,
                   status: int = Status.REFUSED) -> Dossier:
    """A dossier of `applicant` (the cast's by default) brought to `status`
    through the real lifecycle, then put where it was handled before the
    reorganisation: at `agency`."""
    applicant = applicant or cast.applicant
    dossier = make_dossier(dataclasses.replace(cast, applicant=applicant), status)
    form_data = {**dossier.form_data, "declarant_name": applicant.full_name,
                 "declarant_id": applicant.username, "declarant_phone": applicant.citizen.phone}
    Dossier.objects.filter(pk=dossier.pk).update(agency=agency, form_data=form_data)
    dossier.refresh_from_db()
    return dossier
