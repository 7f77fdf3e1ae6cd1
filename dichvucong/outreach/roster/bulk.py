"""Actions on many pupils of a class at once: the residential group they
serve, and their logins. Each pupil goes through the same operation as on
the pupil's own page (practice.set_ambassador_group, issue_pupil_logins),
so the consent rule and the school's area hold the same way; one pupil
refused stops nobody else."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach import access, practice
from dichvucong.outreach.models import Pupil, SchoolClass


@dataclass
class GroupsAssigned:
    done: list[Pupil] = field(default_factory=list)
    refused: list[tuple[Pupil, str]] = field(default_factory=list)


def chosen_pupils(
    user: Any, school_class: SchoolClass, ids: Iterable[str], *, whole_class: bool
) -> QuerySet[Pupil]:
    """The pupils of the class the form named (or all of them), among
    those the user keeps; ids of other classes or schools are dropped."""
    pupils = access.pupils_for(user).filter(school_class=school_class, erased_at__isnull=True)
    if not whole_class:
        wanted = [int(value) for value in ids if str(value).isdigit()]
        pupils = pupils.filter(pk__in=wanted)
    return pupils.select_related("school_class__school").order_by("full_name", "pk")


def assign_group(pupils: Iterable[Pupil], group: AdminUnit, by: Any) -> GroupsAssigned:
    result = GroupsAssigned()
    for pupil in pupils:
        try:
            practice.set_ambassador_group(pupil, group, by=by)
        except ValidationError as error:
            result.refused.append((pupil, error.messages[0]))
        else:
            result.done.append(pupil)
    return result


def issue_logins(pupils: Iterable[Pupil], by: Any) -> practice.IssuedLogins:
    """First logins for those who have none; a pupil with a login keeps it
    (a lost slip is reset on the pupil's own page)."""
    return practice.issue_pupil_logins(pupils, by=by)


def natural_key(name: str) -> list[Any]:
    """ "Tổ dân phố 2" before "Tổ dân phố 10"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name.casefold())]
