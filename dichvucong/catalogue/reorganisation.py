"""Loading a reorganisation of the administrative tree from a data file
(data/reorganisation_2025_thanh_xuan.json): the units and agencies it
ends, the ones it creates, where each old unit went, and who handles the
procedures of a dissolved district from then on.

Only the catalogue changes: dossiers stay where they are (moving them is
the `reorganise` command's work). Loading twice changes nothing."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from dichvucong.catalogue.constants import HandlingLevel, SuccessionKind, UnitLevel
from dichvucong.catalogue.models import (
    AdminUnit,
    Agency,
    Procedure,
    ProcedureHandling,
    SucceedingGroup,
    UnitSuccession,
)
from dichvucong.catalogue.services import groups_of_ward


class ReorganisationError(Exception):
    """The data file disagrees with itself or with the database."""


Changes = Counter[str]


def load_reorganisation(data: dict[str, Any]) -> Changes:
    """Apply `data`; the rows created and updated, by model. Nothing is
    written when the data is inconsistent."""
    changes: Changes = Counter()
    _check_no_group_goes_twice(data["successions"])
    with transaction.atomic():
        for ended in data["ended_units"]:
            _end_unit(_unit(ended["code"]), date.fromisoformat(ended["valid_to"]), changes)
        for ward in data["new_wards"]:
            _new_ward(ward, changes)
        for succession in data["successions"]:
            _succession(succession, changes)
        _check_every_group_goes_somewhere(data["successions"])
        for row in data["successions"]:
            _carry_groups(row, changes)
        if "district_procedures" in data:
            _district_procedures(data["district_procedures"], changes)
    return changes


def _unit(code: str) -> AdminUnit:
    try:
        return AdminUnit.objects.get(code=code)
    except AdminUnit.DoesNotExist:
        raise ReorganisationError(_("Không có đơn vị hành chính mã %s.") % code) from None


def _save(instance: models.Model, values: dict[str, Any], changes: Changes) -> None:
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save()
        changes[f"{instance._meta.label} updated"] += 1


def _upsert(
    model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any], changes: Changes
) -> Any:
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        changes[f"{model._meta.label} created"] += 1
        return model._default_manager.create(**lookup, **values)
    _save(instance, values, changes)
    return instance


def _end_unit(unit: AdminUnit, last_day: date, changes: Changes) -> None:
    """The unit and the agencies seated in it end after `last_day`."""
    _save(unit, {"valid_to": last_day}, changes)
    for agency in unit.agencies.all():
        _save(agency, {"valid_to": last_day}, changes)


def _new_ward(ward: dict[str, Any], changes: Changes) -> None:
    first_day = date.fromisoformat(ward["valid_from"])
    unit = _upsert(
        AdminUnit,
        {"code": ward["code"]},
        {
            "name": ward["name"],
            "level": UnitLevel.WARD,
            "parent": _unit(ward["parent"]),
            "valid_from": first_day,
            "valid_to": None,
        },
        changes,
    )
    parent: Agency | None = None
    for agency in ward["agencies"]:
        created = _upsert(
            Agency,
            {"unit_code": agency["unit_code"]},
            {
                "name": agency["name"],
                "kind": agency["kind"],
                "admin_unit": unit,
                "parent": parent,
                "valid_from": first_day,
                "valid_to": None,
            },
            changes,
        )
        # The first agency listed is the ward's committee; the others are its offices.
        parent = parent or created


def _succession(row: dict[str, Any], changes: Changes) -> None:
    effective = date.fromisoformat(row["effective_date"])
    succession = _upsert(
        UnitSuccession,
        {
            "predecessor": _unit(row["predecessor"]),
            "successor": _unit(row["successor"]),
            "effective_date": effective,
        },
        {"kind": row["kind"], "legal_basis": row["legal_basis"]},
        changes,
    )
    wanted = {_unit(code).pk for code in row.get("groups", [])}
    if row["kind"] != SuccessionKind.SPLIT and wanted:
        raise ReorganisationError(_("Chỉ khi chia tách mới liệt kê tổ dân phố: %s") % succession)
    stale = succession.group_rows.exclude(group_id__in=wanted)
    if stale.exists():
        changes[f"{SucceedingGroup._meta.label} deleted"] += stale.count()
        stale.delete()
    have = set(succession.group_rows.values_list("group_id", flat=True))
    missing = [
        SucceedingGroup(succession=succession, group_id=pk, effective_date=effective)
        for pk in sorted(wanted - have)
    ]
    if missing:
        SucceedingGroup.objects.bulk_create(missing)
        changes[f"{SucceedingGroup._meta.label} created"] += len(missing)


def _check_no_group_goes_twice(rows: list[dict[str, Any]]) -> None:
    listed = [(row["effective_date"], code) for row in rows for code in row.get("groups", [])]
    twice = sorted(code for (_day, code), count in Counter(listed).items() if count > 1)
    if twice:
        raise ReorganisationError(_("Tổ dân phố chuyển sang hai nơi: %s") % ", ".join(twice))


def _check_every_group_goes_somewhere(rows: list[dict[str, Any]]) -> None:
    """A split ward's residential groups, its own and those merged into it,
    are each listed under one of its successors (and only one: checked
    before anything is written)."""
    splits: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if row["kind"] == SuccessionKind.SPLIT:
            splits.setdefault((row["predecessor"], row["effective_date"]), []).extend(row["groups"])
    for (code, effective), listed in splits.items():
        day_before = date.fromisoformat(effective) - timedelta(days=1)
        held = sorted(group.code for group in groups_of_ward(_unit(code), day_before))
        if sorted(listed) != held:
            raise ReorganisationError(
                _(
                    "Tổ dân phố của %(ward)s không chia hết cho các đơn vị mới: "
                    "thiếu %(missing)s, thừa %(extra)s."
                )
                % {
                    "ward": code,
                    "missing": sorted(set(held) - set(listed)),
                    "extra": sorted(set(listed) - set(held)),
                }
            )


def _carry_groups(row: dict[str, Any], changes: Changes) -> None:
    """A ward created by the reorganisation gets the residential groups
    that went to it: each old group ends the day before and is succeeded
    (renamed) by a group of the same name, marked with its old ward, under
    the new ward. Groups of a ward merged into one that goes on stay put."""
    succession = UnitSuccession.objects.select_related("predecessor", "successor").get(
        predecessor__code=row["predecessor"],
        successor__code=row["successor"],
        effective_date=row["effective_date"],
    )
    new_ward = succession.successor
    if new_ward.valid_from != succession.effective_date:
        return
    last_day = succession.effective_date - timedelta(days=1)
    if succession.kind == SuccessionKind.SPLIT:
        groups = [row.group for row in succession.group_rows.select_related("group__parent")]
    else:
        groups = groups_of_ward(succession.predecessor, last_day)
    for old in groups:
        _end_unit(old, last_day, changes)
        new = _upsert(
            AdminUnit,
            {"code": f"{new_ward.code}/{old.code}"},
            {
                "name": f"{old.name} ({old.parent.name} cũ)",
                "level": UnitLevel.GROUP,
                "parent": new_ward,
                "valid_from": succession.effective_date,
                "valid_to": None,
            },
            changes,
        )
        _upsert(
            UnitSuccession,
            {"predecessor": old, "successor": new, "effective_date": succession.effective_date},
            {"kind": SuccessionKind.RENAMED, "legal_basis": succession.legal_basis},
            changes,
        )


def _district_procedures(rule: dict[str, Any], changes: Changes) -> None:
    """Procedures handled by the dissolved district's agencies: as before
    until its last day, then at the level the data names."""
    last_day = date.fromisoformat(rule["until"])
    district = _unit(rule["district"])
    procedures = Procedure.objects.filter(agency__admin_unit=district).exclude(
        handling_level=HandlingLevel.WARD
    )
    for procedure in procedures.select_related("agency"):
        _upsert(
            ProcedureHandling,
            {"procedure": procedure, "valid_from": None, "valid_to": last_day},
            {
                "handling_level": procedure.handling_level,
                "agency": procedure.agency,
                "legal_basis": "",
            },
            changes,
        )
        _upsert(
            ProcedureHandling,
            {"procedure": procedure, "valid_from": last_day + timedelta(days=1), "valid_to": None},
            {"handling_level": rule["level"], "agency": None, "legal_basis": rule["legal_basis"]},
            changes,
        )
