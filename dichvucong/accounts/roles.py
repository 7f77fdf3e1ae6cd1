"""The staff roles a user holds, read once per request.

A staff page asks about the user's roles many times: the back office's
door, the dossiers they may act on and read, the menu (back office,
dashboard, outreach, reports, data requests, incidents), the outreach
scope. Each rule used to ask the database itself: seven queries on
every staff page for the same few rows. `held_roles` reads them once,
with what the rules need of each role's agency, and keeps them on the
user object, which Django loads afresh for every request.

A role saved or deleted in this process (the admin, `reorganise`, a
test) bumps a generation that the kept copy is checked against, so a
user object that lives on after such a change reads the roles again.
Roles changed by another process show from that process's next request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import count
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import StaffRole

ATTRIBUTE = "_held_roles"
_generation = count(1)
_current = next(_generation)


@dataclass(frozen=True)
class Held:
    role: str
    agency_id: int
    unit_id: int  # the agency's administrative unit
    parent_agency_id: int | None  # a department's People's Committee
    school_id: int | None  # a school coordinator's school


def held_roles(user: Any) -> tuple[Held, ...]:
    """Every role the user holds; none for anyone not logged in. Whether
    a rule also needs a staff account is that rule's to say
    (`staff_held_in`)."""
    if not getattr(user, "is_authenticated", False):
        return ()
    kept = getattr(user, ATTRIBUTE, None)
    if kept is not None and kept[0] == _current:
        return kept[1]
    rows = user.staff_roles.order_by("pk").values_list(
        "role", "agency_id", "agency__admin_unit_id", "agency__parent_id", "school_id"
    )
    held = tuple(Held(*row) for row in rows)
    setattr(user, ATTRIBUTE, (_current, held))
    return held


def held_in(user: Any, roles: Iterable[str]) -> tuple[Held, ...]:
    wanted = frozenset(roles)
    return tuple(held for held in held_roles(user) if held.role in wanted)


def staff_held_in(user: Any, roles: Iterable[str]) -> tuple[Held, ...]:
    """As `held_in`, for rules that open only to a staff account."""
    if not getattr(user, "is_authenticated", False) or user.kind != AccountKind.STAFF:
        return ()
    return held_in(user, roles)


def agency_ids(user: Any, roles: Iterable[str]) -> set[int]:
    return {held.agency_id for held in held_in(user, roles)}


def unit_ids(user: Any, roles: Iterable[str]) -> set[int]:
    return {held.unit_id for held in held_in(user, roles)}


@receiver(post_save, sender=StaffRole)
@receiver(post_delete, sender=StaffRole)
def _roles_changed(**_kwargs: Any) -> None:
    global _current
    _current = next(_generation)
