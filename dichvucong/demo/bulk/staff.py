"""The officers who act in the generated event logs and sign results: the
agency's own (load_demo makes them), or one specialist made per agency
that has none (a bare migrated database)."""

from __future__ import annotations

from datetime import datetime

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.catalogue.models import Agency
from dichvucong.demo.bulk.ids import Ids
from dichvucong.demo.bulk.people import user_row
from dichvucong.demo.bulk.writers import Writer

Actor = tuple[int | None, str]
ACTING_ROLES = (Role.RECEPTIONIST, Role.SPECIALIST, Role.LEADER)


def officers(ids: Ids, writer: Writer, joined: datetime) -> dict[int, Actor]:
    """An officer (id, name as the log records it) per agency."""
    found: dict[int, Actor] = {}
    roles = StaffRole.objects.filter(role__in=ACTING_ROLES).select_related("user")
    for role in roles.order_by("role", "pk"):
        found.setdefault(role.agency_id, (role.user_id, role.user.get_full_name()))
    missing = list(
        Agency.objects.exclude(pk__in=list(found)).order_by("pk").values_list("pk", "name")
    )
    users, roles_rows = [], []
    for (agency_id, agency_name), user_id in zip(
        missing, ids.take(User, len(missing)), strict=True
    ):
        name = f"Chuyên viên {agency_name}"[:150]
        users.append(user_row(user_id, name, AccountKind.STAFF, joined, "cb.sinh."))
        roles_rows.append(
            {
                "id": ids.one(StaffRole),
                "user_id": user_id,
                "role": Role.SPECIALIST,
                "agency_id": agency_id,
            }
        )
        found[agency_id] = (user_id, name)
    writer.write(User, users)
    writer.write(StaffRole, roles_rows)
    return found
