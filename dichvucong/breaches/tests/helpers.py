"""The incident tests' cast: an administrator (the role, not a superuser),
entries of the audit trail at chosen moments, an incident around them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.audit import service as audit
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.breaches.constants import System
from dichvucong.breaches.models import Incident
from dichvucong.outreach.models import Guardian, Pupil, School, SchoolClass

FOUND = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.get_fixed_timezone(7 * 60))
START = FOUND - timedelta(days=2)
END = FOUND - timedelta(days=1)


def administrator(cast: Any) -> User:
    user = User.objects.create_user(
        username="quantri.test",
        password="matkhau-demo-1",
        full_name="Đặng Quản Trị",
        kind=AccountKind.STAFF,
        email="quantri@example.vn",
    )
    StaffRole.objects.create(user=user, role=Role.ADMINISTRATOR, agency=cast.agency_a)
    return user


def trail(path: str, at: datetime, actor: Any, *, target: str = "", action: str = "") -> AuditEntry:
    """An entry of the trail as if written at `at` (the trail sets its own time)."""
    entry = audit.record(action or Action.STAFF_ACTION, "Xem", actor=actor, target=target)
    AuditEntry.objects.filter(pk=entry.pk).update(path=path, at=at)
    return entry


def incident(by: User, systems: tuple[str, ...] = (System.DOSSIERS,), **fields: Any) -> Incident:
    values: dict[str, Any] = {
        "found_at": FOUND,
        "started_at": START,
        "ended_at": END,
        "description": "Tài khoản cán bộ bị lộ mật khẩu, có người lạ đăng nhập.",
        "consequences": "Lộ họ tên, số điện thoại, địa chỉ.",
        "measures": "Khóa tài khoản, đổi mật khẩu, rà soát nhật ký.",
        "office_name": "UBND phường Khương Mai",
        "contact_name": "Đặng Quản Trị",
        "contact_phone": "02438581234",
        "contact_email": "quantri@example.vn",
        "systems": list(systems),
        "recorded_by": by,
    }
    values.update(fields)
    return Incident.objects.create(**values)


def pupil(name: str = "Trần Thu Hà", phone: str = "0912000111") -> Pupil:
    school, _ = School.objects.get_or_create(name="THCS Khương Mai")
    school_class, _ = SchoolClass.objects.get_or_create(
        school=school, name="8A1", school_year="2025-2026"
    )
    guardian = Guardian.objects.create(full_name="Trần Văn Bình", phone=phone)
    return Pupil.objects.create(
        school_class=school_class, full_name=name, birth_year=2012, guardian=guardian
    )


def url(name: str, item: Incident) -> str:
    return reverse(f"breaches:{name}", args=[item.pk])
