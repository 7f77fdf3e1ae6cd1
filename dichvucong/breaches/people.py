"""The affected people by name and contact, for the office's list and the
notices: two queries (accounts with their profiles, pupils with their
guardians). A pupil is reached through the guardian (a minor)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from dichvucong.breaches.affected import ACCOUNT, PUPIL, Affected
from dichvucong.notifications.compose import user_phone
from dichvucong.outreach.models import Pupil


@dataclass(frozen=True)
class Person:
    key: str  # "account:<pk>" or "pupil:<pk>": the notice's dedupe key
    is_pupil: bool
    name: str
    email: str
    phone: str
    kinds: tuple[str, ...]
    records: int


def people(found: Affected) -> list[Person]:
    accounts = [pk for kind, pk in found.subjects if kind == ACCOUNT]
    pupils = [pk for kind, pk in found.subjects if kind == PUPIL]
    listed = _accounts(found, accounts) + _pupils(found, pupils)
    return sorted(listed, key=lambda person: (person.is_pupil, person.name, person.key))


def _kinds(found: Affected, key: tuple[str, int]) -> tuple[tuple[str, ...], int]:
    subject = found.subjects[key]
    return tuple(sorted(subject.kinds)), len(subject.records)


def _accounts(found: Affected, pks: list[int]) -> list[Person]:
    users = get_user_model()._default_manager.filter(pk__in=pks)
    listed = []
    for user in users.select_related("citizen", "organisation"):
        kinds, records = _kinds(found, (ACCOUNT, user.pk))
        name = user.get_full_name()
        phone = user_phone(user)
        listed.append(Person(f"account:{user.pk}", False, name, user.email, phone, kinds, records))
    return listed


def _pupils(found: Affected, pks: list[int]) -> list[Person]:
    listed = []
    for pupil in Pupil.objects.filter(pk__in=pks).select_related("guardian"):
        kinds, records = _kinds(found, (PUPIL, pupil.pk))
        phone = pupil.guardian.phone if pupil.guardian else ""
        listed.append(Person(f"pupil:{pupil.pk}", True, pupil.full_name, "", phone, kinds, records))
    return listed
