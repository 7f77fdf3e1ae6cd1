"""Every concrete field of every model in the project's apps is in the
registry: personal, with the purpose it serves, or not personal. A new
field in neither list fails here until someone decides which it is
(privacy/registry/fields.py states the rule); so does an entry for a
field that no longer exists, or a purpose that does not."""

from __future__ import annotations

from django.apps import apps

from dichvucong.privacy.registry import BY_KEY, NOT_PERSONAL, PERSONAL
from dichvucong.privacy.registry.fields import not_personal, personal


def _project_fields() -> dict[str, set[str]]:
    return {
        model._meta.label: {field.name for field in model._meta.concrete_fields}
        for model in apps.get_models()
        if model.__module__.startswith("dichvucong.")
    }


def test_every_field_is_in_exactly_one_list() -> None:
    unclassified, twice = [], []
    for label, names in _project_fields().items():
        for name in sorted(names):
            listed = (name in personal(label)) + (name in not_personal(label))
            if listed == 0:
                unclassified.append(f"{label}.{name}")
            elif listed == 2:
                twice.append(f"{label}.{name}")
    assert not unclassified, (
        "Fields not classified in dichvucong/privacy/registry/fields.py (personal "
        f"with a purpose, or not personal): {unclassified}"
    )
    assert not twice, f"Fields both personal and not personal: {twice}"


def test_the_registry_names_no_field_that_is_gone() -> None:
    fields = _project_fields()
    listed = {f"{label}.{name}" for label, names in PERSONAL.items() for name in names}
    listed |= {f"{label}.{name}" for label in NOT_PERSONAL for name in not_personal(label)}
    existing = {f"{label}.{name}" for label, names in fields.items() for name in names}
    assert sorted(listed - existing) == []


def test_every_personal_field_serves_a_known_purpose() -> None:
    purposes = {purpose for fields in PERSONAL.values() for purpose in fields.values()}
    assert purposes <= set(BY_KEY)
    assert set(BY_KEY) <= purposes, "a purpose with no field in the database"


def test_the_known_identifiers_are_personal() -> None:
    """The rule's plainest cases, so they cannot slide into the other list."""
    for label, name in [
        ("accounts.CitizenProfile", "id_number"),
        ("dossiers.Dossier", "applicant_phone"),
        ("outreach.Pupil", "full_name"),
        ("outreach.Guardian", "phone"),
        ("audit.AuditEntry", "address"),
    ]:
        assert name in personal(label), f"{label}.{name}"
