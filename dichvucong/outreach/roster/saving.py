"""Writing checked roster lines in one transaction. Pupils already there,
matched by class, name and year of birth, are updated rather than added
twice. A line's residential group is saved only for a pupil whose guardian
(and, from age 7, the pupil) has agreed, the rule every other way of
setting a group follows (practice.set_ambassador_group); for the others it
waits until the file is imported again after the consents come back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from dichvucong.outreach.models import Ambassador, Guardian, Pupil
from dichvucong.outreach.roster.checking import RosterRow, name_key
from dichvucong.outreach.roster.identity import known_by_code
from dichvucong.outreach.services import full_consent_given, latest_consents
from dichvucong.outreach.transfers import move_pupils

BATCH = 500


@dataclass
class Saved:
    created: int = 0
    updated: int = 0
    groups_set: int = 0
    groups_held: int = 0  # a group on the line, no consent yet
    moved: int = 0  # pupils recognised by their code in another class
    changed: list[Pupil] = field(default_factory=list)


def save_rows(rows: list[RosterRow]) -> Saved:
    """Write checked rows in one transaction. A matched pupil gets the
    file's spelling of the name and its guardian. Guardians are shared by
    siblings: matched by name and phone among the guardians of the classes
    in the file, and removed when no pupil is left to them."""
    saved = Saved()
    with transaction.atomic():
        existing = {
            _pupil_key(p): p
            for p in Pupil.objects.filter(
                school_class__in={row.school_class.pk for row in rows},
                erased_at__isnull=True,
            ).select_related("guardian")
        }
        by_code = known_by_code(rows)
        saved.moved = move_pupils(
            (by_code[row.code], row.school_class) for row in rows if row.code in by_code
        )
        existing |= {_pupil_key(p): p for p in by_code.values()}
        guardians = _guardians_for(rows, existing.values())
        created, left_behind = _sort_out(rows, existing, by_code, guardians, saved)
        Pupil.objects.bulk_create(created, batch_size=BATCH)
        fields = ["guardian", "full_name", "ambassador_group", "pupil_code"]
        Pupil.objects.bulk_update(saved.changed, fields, batch_size=BATCH)
        Guardian.objects.filter(pk__in=left_behind, pupils__isnull=True).delete()
        _move_ambassadors(saved.changed)
    saved.created = len(created)
    saved.updated = len(saved.changed)
    saved.groups_held += sum(1 for row in rows if row.group and row.key not in existing)
    return saved


def _sort_out(
    rows: list[RosterRow],
    existing: dict[tuple[int, str, int], Pupil],
    by_code: dict[str, Pupil],
    guardians: dict[tuple[str, str], Guardian],
    saved: Saved,
) -> tuple[list[Pupil], set[int]]:
    """(pupils to create, guardians changed pupils may have left). A line
    is the pupil with its code, else the class's pupil of that name and
    year of birth (unless that one has another code: then a new pupil)."""
    created: list[Pupil] = []
    left_behind: set[int] = set()
    consents = latest_consents(p.pk for p in existing.values())
    for row in rows:
        guardian = guardians[(name_key(row.guardian_name), row.guardian_phone)]
        pupil = by_code.get(row.code) or existing.get(row.key)
        if pupil is not None and row.code and pupil.pupil_code not in ("", row.code):
            pupil = None  # a namesake with another code: another child
        if pupil is None:
            created.append(
                Pupil(
                    school_class=row.school_class,
                    full_name=row.name,
                    birth_year=row.birth_year,
                    guardian=guardian,
                    pupil_code=row.code,
                )
            )
            continue
        group_changed = _group_change(row, pupil, consents.get(pupil.pk, {}), saved)
        code_added = bool(row.code) and pupil.pupil_code != row.code
        pupil.pupil_code = row.code or pupil.pupil_code
        changed = pupil.guardian_id != guardian.pk or pupil.full_name != row.name
        if changed or group_changed or code_added:
            if pupil.guardian_id not in (None, guardian.pk):
                left_behind.add(pupil.guardian_id)  # type: ignore[arg-type]
            pupil.guardian, pupil.full_name = guardian, row.name
            saved.changed.append(pupil)
    return created, left_behind


def _group_change(row: RosterRow, pupil: Pupil, answers: dict[str, bool], saved: Saved) -> bool:
    """Set the line's group on the pupil if consent allows; True if it changed."""
    if row.group is None or row.group.pk == pupil.ambassador_group_id:
        return False
    if not full_consent_given(answers, pupil.birth_year):
        saved.groups_held += 1
        return False
    pupil.ambassador_group = row.group
    saved.groups_set += 1
    return True


def _move_ambassadors(pupils: list[Pupil]) -> None:
    """Active ambassador rows follow the pupil's group, as when a group is
    set on the pupil's page. One query per group, not per pupil."""
    by_group: dict[int, list[int]] = defaultdict(list)
    for pupil in pupils:
        if pupil.ambassador_group_id is not None:
            by_group[pupil.ambassador_group_id].append(pupil.pk)
    for group_id, pupil_ids in by_group.items():
        Ambassador.objects.filter(pupil_id__in=pupil_ids, active=True).exclude(
            residential_group_id=group_id
        ).update(residential_group_id=group_id)


def _pupil_key(pupil: Pupil) -> tuple[int, str, int]:
    return (pupil.school_class_id, name_key(pupil.full_name), pupil.birth_year or 0)


def _guardians_for(rows: list[RosterRow], pupils: Any) -> dict[tuple[str, str], Guardian]:
    known = {
        (name_key(p.guardian.full_name), p.guardian.phone): p.guardian
        for p in pupils
        if p.guardian is not None
    }
    missing: dict[tuple[str, str], Guardian] = {}
    for row in rows:
        key = (name_key(row.guardian_name), row.guardian_phone)
        if key not in known and key not in missing:
            missing[key] = Guardian(full_name=row.guardian_name, phone=row.guardian_phone)
    Guardian.objects.bulk_create(list(missing.values()), batch_size=BATCH)
    return known | missing
