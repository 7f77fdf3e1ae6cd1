"""E-form values for a demo dossier that pass the form's own checks.

A demo dossier is meant to look like one a resident sent, so its values
must be ones the e-form would have accepted (dossiers.eforms), whatever
the procedure: what the account knows where the field says "prefill",
and for every other required field a plausible value of its type within
its limits (length, minimum and maximum, rows of a group, an address in
the neighbour's own ward and group). Drawn from the demo's seeded
generator, so every load is the same.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

KNOWN_TEXT = {"ethnicity": "Kinh", "nationality": "Việt Nam", "religion": "Không"}
PLAIN_TEXT = "Theo giấy tờ kèm theo"
SHORT_TEXT = "Số 12"


def _bounded(value: int, spec: dict[str, Any]) -> int:
    low = spec.get("min") if isinstance(spec.get("min"), int) else None
    high = spec.get("max") if isinstance(spec.get("max"), int) else None
    if low is not None:
        value = max(value, low)
    if high is not None:
        value = min(value, high)
    return value


def _text(spec: dict[str, Any], rng: random.Random, person: Any) -> str:
    name = spec["name"]
    for fragment, value in KNOWN_TEXT.items():
        if fragment in name:
            return value
    value = person(rng.choice("mf")) if "name" in name else PLAIN_TEXT
    limit = spec.get("max_length")
    if isinstance(limit, int) and len(value) > limit:
        return SHORT_TEXT[:limit]
    return value


def _date(spec: dict[str, Any], rng: random.Random) -> str:
    # Before the campaign's year and the office's work: a past date that
    # any "max: today" accepts.
    return date(2016, rng.randint(1, 12), rng.randint(1, 28)).isoformat()


def sample_value(spec: dict[str, Any], rng: random.Random, neighbour: Any, person: Any) -> Any:
    """A value of the field's type the e-form accepts; None for a type
    it does not know (the field is then left empty)."""
    kind = spec.get("type")
    if kind in ("text", "textarea"):
        return _text(spec, rng, person)
    if kind == "number":
        return _bounded(1, spec)
    if kind == "date":
        return _date(spec, rng)
    if kind == "choice":
        return spec["choices"][0]
    if kind == "checkbox":
        return True
    if kind == "id_number":
        return neighbour.id_number
    if kind == "phone":
        return neighbour.phone
    if kind == "tax_code":
        return f"01{neighbour.id_number[-8:]}"
    if kind == "email":
        return f"nguoinop{neighbour.id_number[-6:]}@example.vn"
    if kind == "address":
        return {"ward": neighbour.ward.pk, "group": neighbour.group.pk, "street": SHORT_TEXT}
    if kind == "group":
        return [_row(spec, rng, neighbour, person) for _ in range(max(spec.get("min") or 1, 1))]
    return None


def _row(spec: dict[str, Any], rng: random.Random, neighbour: Any, person: Any) -> dict[str, Any]:
    row = {}
    for child in spec.get("fields", []):
        value = sample_value(child, rng, neighbour, person)
        if value is not None:
            row[child["name"]] = value
    return row
