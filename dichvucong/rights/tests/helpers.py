"""Small helpers of the rights tests: an administrator (who answers
requests about accounts) and an applicant whose dossier a pupil helped."""

from __future__ import annotations

from typing import Any

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_dossier
from dichvucong.rights import services
from dichvucong.rights.models import RightsRequest


def make_administrator(agency: Any, username: str = "quantri") -> User:
    user = User.objects.create_user(
        username=username,
        password="matkhau-demo-1",
        full_name="Quản Trị Viên",
        kind=AccountKind.STAFF,
    )
    StaffRole.objects.create(user=user, role=Role.ADMINISTRATOR, agency=agency)
    return user


def accepted_dossier(cast: Cast) -> Dossier:
    """A dossier of the applicant accepted by ward A's receptionist: an
    office action in the audit trail."""
    dossier = make_dossier(cast)
    lifecycle.accept(dossier, cast.receptionist_a)
    dossier.refresh_from_db()
    return dossier


def filed(cast: Cast, kind: str = "correction", details: str = "Sửa ngày sinh") -> RightsRequest:
    return services.file_request(kind, details, by=cast.applicant, account=cast.applicant)
