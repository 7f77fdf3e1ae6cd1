"""Applicants: citizen accounts with Vietnamese names, a few dossiers each."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import User
from dichvucong.demo.bulk.ids import Ids
from dichvucong.demo.bulk.writers import Row, Writer

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Hữu", "Hồng")
GIVEN = (
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Yến",
)
# No password: generated accounts cannot log in until one is set.
NO_PASSWORD = "!generated"


@dataclass(frozen=True)
class Applicant:
    id: int
    name: str
    phone: str
    id_number: str
    email: str


def full_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def user_row(user_id: int, name: str, kind: str, joined: datetime, prefix: str) -> Row:
    return {
        "id": user_id,
        "username": f"{prefix}{user_id}",
        "password": NO_PASSWORD,
        "full_name": name,
        "kind": kind,
        "is_active": True,
        "date_joined": joined,
    }


def make_applicants(
    count: int, rng: random.Random, ids: Ids, writer: Writer, joined: datetime
) -> list[Applicant]:
    applicants = []
    for user_id in ids.take(User, count):
        applicants.append(
            Applicant(
                id=user_id,
                name=full_name(rng),
                phone=f"09{user_id % 10**8:08d}",
                id_number=f"001{user_id % 10**9:09d}",
                email=f"cd{user_id}@example.vn",
            )
        )
    rows = [user_row(a.id, a.name, AccountKind.CITIZEN, joined, "cd.") for a in applicants]
    for row, applicant in zip(rows, applicants, strict=True):
        row["email"] = applicant.email
    writer.write(User, rows)
    return applicants
