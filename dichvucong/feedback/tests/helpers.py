"""Petitions and staff for the feedback tests."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.catalogue.constants import AgencyKind
from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.testing import Cast
from dichvucong.feedback import service
from dichvucong.feedback.models import Petition

SUBMIT = reverse("feedback:submit")


def form_data(**changes: Any) -> dict[str, Any]:
    data = {
        "sender_name": "Phạm Thị Lan",
        "sender_phone": "0901234567",
        "sender_email": "lan@example.vn",
        "subject": "Đèn đường hỏng ngõ 12",
        "content": "Đèn đường ở ngõ 12 Khương Trung hỏng đã hai tuần.",
        "agency": "",
        "dossier_code": "",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def petition(agency: Agency | None = None, **changes: Any) -> tuple[Petition, str]:
    fields: dict[str, Any] = {
        "sender_name": "Phạm Thị Lan",
        "sender_phone": "0901234567",
        "sender_email": "lan@example.vn",
        "subject": "Đèn đường hỏng",
        "content": "Đèn đường hỏng đã hai tuần.",
        "agency": agency,
        "dossier_code": "",
        "allow_publication": False,
    }
    fields.update(changes)
    return service.submit_petition(**fields)


def district_one_stop(cast: Cast) -> User:
    """A receptionist of the district People's Committee (not in the cast)."""
    district = Agency.objects.create(
        name="UBND quận Thanh Xuân",
        unit_code="T.TX",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=cast.district,
    )
    user = User.objects.create_user(
        username="motcua.quan",
        password="matkhau-demo-1",
        full_name="Ngô Một Cửa",
        kind=AccountKind.STAFF,
    )
    StaffRole.objects.create(user=user, role=Role.RECEPTIONIST, agency=district)
    return user
