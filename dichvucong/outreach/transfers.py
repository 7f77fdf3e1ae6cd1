"""A pupil moves: to another school (a transfer) or to next year's class.

DESIGN.md §6 counts help for the class and school of its time. The pupil
row is one person for life (Pupil.pupil_code tells them apart from a
namesake); what moves is where they are now. Their ambassador roles of the
old class end on the day of the move, and each role keeps the class it
was given in (Ambassador.school_class), so help already given stays with
the old class and school, in reports made before and after the move.
A residential group belongs to the old school's area and is dropped when
the school changes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from dichvucong.outreach.models import Ambassador, Pupil, SchoolClass


@transaction.atomic
def move_pupils(moves: Iterable[tuple[Pupil, SchoolClass]], on: date | None = None) -> int:
    """Move each pupil to its new class from `on` (today); returns how many
    moved. A pupil already in the class is left alone."""
    day = on or timezone.localdate()
    moved = [(pupil, to) for pupil, to in moves if pupil.school_class_id != to.pk]
    _end_roles([pupil.pk for pupil, _to in moved], day)
    for pupil, to in moved:
        if pupil.school_class.school_id != to.school_id:
            pupil.ambassador_group = None
        pupil.school_class = to
    Pupil.objects.bulk_update(
        [pupil for pupil, _to in moved], ["school_class", "ambassador_group"], batch_size=500
    )
    return len(moved)


def move_pupil(pupil: Pupil, to: SchoolClass, on: date | None = None) -> bool:
    return move_pupils([(pupil, to)], on) == 1


def _end_roles(pupil_ids: list[int], day: date) -> None:
    """Roles in the pupils' old classes end on the day of the move (help
    confirmed that day still counts there); the rows, and so the help,
    keep that class. One UPDATE for a whole roster of moves."""
    Ambassador.objects.filter(pupil_id__in=pupil_ids, until__isnull=True).update(
        until=day, active=False
    )
