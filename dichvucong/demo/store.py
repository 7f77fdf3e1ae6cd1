"""Writing demo rows by natural key, so loading twice changes nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


@dataclass
class Tally:
    """What a load did, per model label: counted so the command can say so
    and the tests can check that a second run writes nothing."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)

    @property
    def writes(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


def upsert(model: type[M], tally: Tally, lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """The row matching `lookup`, created with `values` or brought up to
    date; saved only when something differs (unlike update_or_create)."""
    label = model._meta.label
    try:
        instance = model._default_manager.get(**lookup)
    except model.DoesNotExist:  # type: ignore[attr-defined]
        tally.created[label] += 1
        return model._default_manager.create(**lookup, **values)
    refresh(instance, values, tally)
    return instance


def refresh(instance: models.Model, values: dict[str, Any], tally: Tally) -> None:
    """Save `instance` with `values` if any of them differs."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save()
        tally.updated[instance._meta.label] += 1
