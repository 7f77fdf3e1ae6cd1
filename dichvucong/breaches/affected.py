"""Who an incident touched, read from the audit trail.

Every entry of the trail in the incident's window (refusals aside: they
showed nothing) whose address names an object of an affected part of the
system counts: the address is resolved to its view and the object's id,
the object to the people whose data it holds. A dossier event recorded
outside a request names its dossier by code in `target`. The trail keeps
what staff send and what the dossier history records; an address read in
the window counts as soon as the trail holds it, with nothing to change
here. Each kind of object costs one query, whatever the number of rows.

The trail holds actions, not reads: the back office's reads of a dossier
are kept by day (rights.DossierRead, one row per officer, dossier and day,
with the first moment). A read on a day the window touches counts if its
first moment is before the window's end: a later read that day may have
fallen inside, and an incident's list errs on the side of telling.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.urls import Resolver404, resolve
from django.utils import timezone

from dichvucong.appointments.models import Booking
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.breaches.constants import DataKind, System
from dichvucong.breaches.models import Incident
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.lib.dossier_codes import parse_code
from dichvucong.notifications.models import OutboxMessage
from dichvucong.outreach.models import Attendance, Pupil
from dichvucong.payments.models import Payment
from dichvucong.rights.models import DossierRead

ACCOUNT, PUPIL = "account", "pupil"
D = DataKind
DOSSIER_KINDS = frozenset({D.IDENTITY, D.CONTACT, D.ADDRESS, D.DOCUMENTS})
PAYMENT_KINDS = frozenset({D.IDENTITY, D.PAYMENT})
ACCOUNT_KINDS = frozenset({D.IDENTITY, D.CONTACT, D.ADDRESS})
PUPIL_KINDS = frozenset({D.IDENTITY, D.CONTACT, D.MINORS})


@dataclass(frozen=True)
class Touch:
    """One person's data in one record."""

    subject: tuple[str, int]  # (ACCOUNT or PUPIL, pk)
    record: str
    kinds: frozenset[str]


@dataclass
class Subject:
    kind: str
    pk: int
    kinds: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)


@dataclass
class Affected:
    subjects: dict[tuple[str, int], Subject]
    entries: int  # trail entries that named an object read

    @property
    def records(self) -> int:
        return len({record for subject in self.subjects.values() for record in subject.records})

    def count(self, kind: str) -> int:
        return sum(1 for key in self.subjects if key[0] == kind)

    def kinds(self) -> dict[str, int]:
        """Each kind of data, in DataKind's order, with how many people."""
        counts = {kind.value: 0 for kind in DataKind}
        for subject in self.subjects.values():
            for kind in subject.kinds:
                counts[kind] += 1
        return {kind: n for kind, n in counts.items() if n}


# The views whose address names an object holding personal data:
# (part of the system, loader, URL parameter).
SOURCES: dict[str, tuple[str, str, str]] = {
    **dict.fromkeys(
        (
            "backoffice:detail",
            "backoffice:action",
            "backoffice:result_draft",
            "slips:dossier_slip",
            "results:download",
            "feedback:rate",
            "dossiers:detail",
        ),
        (System.DOSSIERS, "dossier", "public_id"),
    ),
    "dossiers:attachment": (System.DOSSIERS, "attachment", "public_id"),
    "payments:counter": (System.PAYMENTS, "dossier_payment", "public_id"),
    "payments:receipt": (System.PAYMENTS, "payment", "public_id"),
    **dict.fromkeys(
        ("appointments:detail", "appointments:pdf", "appointments_counter:mark"),
        (System.APPOINTMENTS, "booking", "public_id"),
    ),
    "admin:appointments_booking_change": (System.APPOINTMENTS, "booking_pk", "object_id"),
    **{
        f"outreach:{name}": (System.OUTREACH, "pupil", "pk")
        for name in ("pupil_detail", "consent_record", "pupil_erase", "pupil_group", "pupil_login")
    },
    **{
        f"outreach:{name}": (System.OUTREACH, "class", "pk")
        for name in ("class_detail", "class_logins", "class_bulk")
    },
    "outreach:attendance": (System.OUTREACH, "session", "pk"),
    **{
        f"admin:accounts_user_{page}": (System.ACCOUNTS, "account", "object_id")
        for page in ("change", "history", "delete", "password_change")
    },
    "admin:auth_user_password_change": (System.ACCOUNTS, "account", "id"),
    "admin:notifications_outboxmessage_change": (System.NOTIFICATIONS, "outbox", "object_id"),
}


def affected(incident: Incident) -> Affected:
    ids, entries = _object_ids(incident)
    subjects: dict[tuple[str, int], Subject] = {}
    for loader, values in ids.items():
        for touch in LOADERS[loader](values):
            subject = subjects.setdefault(touch.subject, Subject(*touch.subject))
            subject.kinds |= touch.kinds
            subject.records.add(touch.record)
    return Affected(subjects, entries)


def _object_ids(incident: Incident) -> tuple[dict[str, set[str]], int]:
    """The ids named in the window, by loader; and how many entries named one."""
    systems = set(incident.systems)
    ids: dict[str, set[str]] = defaultdict(set)
    named = 0
    for path, target in _window(incident):
        found = _source(path, systems) or _dossier_code(target, systems)
        if found:
            ids[found[0]].add(found[1])
            named += 1
    if System.DOSSIERS in systems:
        read = _reads(incident)
        ids["dossier_pk"] |= read
        named += len(read)
    return ids, named


def _reads(incident: Incident) -> set[str]:
    """Dossiers an officer opened on a day the window touches (see above)."""
    first_day = timezone.localdate(incident.started_at)
    last_day = timezone.localdate(incident.window_end)
    reads = DossierRead.objects.filter(
        day__range=(first_day, last_day), first_at__lte=incident.window_end
    )
    return {str(pk) for pk in reads.values_list("dossier_id", flat=True).distinct()}


def _window(incident: Incident) -> Iterator[tuple[str, str]]:
    entries = AuditEntry.objects.filter(
        at__gte=incident.started_at, at__lte=incident.window_end
    ).exclude(action=Action.ACCESS_DENIED)
    yield from entries.values_list("path", "target").iterator(chunk_size=2000)


def _source(path: str, systems: set[str]) -> tuple[str, str] | None:
    if not path:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    source = SOURCES.get(match.view_name)
    if source is None or source[0] not in systems:
        return None
    value = match.kwargs.get(source[2])
    return (source[1], str(value)) if value is not None else None


def _dossier_code(target: str, systems: set[str]) -> tuple[str, str] | None:
    if System.DOSSIERS in systems and target and parse_code(target):
        return ("dossier_code", target)
    return None


# --- Loaders: ids -> touches, one query each --------------------------------------


def _uuids(values: Iterable[str]) -> list[uuid.UUID]:
    found = []
    for value in values:
        try:
            found.append(uuid.UUID(value))
        except ValueError:
            continue
    return found


def _ints(values: Iterable[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit()]


def _dossiers(rows: Iterable[dict], kinds: frozenset[str]) -> Iterator[Touch]:
    for row in rows:
        record = f"dossier:{row['pk']}"
        yield Touch((ACCOUNT, row["applicant_id"]), record, kinds)
        if row.get("helper_id"):
            yield Touch((ACCOUNT, row["helper_id"]), record, frozenset({D.IDENTITY}))


def _dossier_rows(**lookup: object) -> Iterable[dict]:

    return Dossier.objects.filter(is_practice=False, **lookup).values(
        "pk", "applicant_id", "helper_id"
    )


def load_dossiers(values: set[str]) -> Iterator[Touch]:
    return _dossiers(_dossier_rows(public_id__in=_uuids(values)), DOSSIER_KINDS)


def load_dossiers_by_pk(values: set[str]) -> Iterator[Touch]:
    return _dossiers(_dossier_rows(pk__in=_ints(values)), DOSSIER_KINDS)


def load_dossier_codes(values: set[str]) -> Iterator[Touch]:
    return _dossiers(_dossier_rows(code__in=values), DOSSIER_KINDS)


def load_dossier_payments(values: set[str]) -> Iterator[Touch]:
    return _dossiers(_dossier_rows(public_id__in=_uuids(values)), PAYMENT_KINDS)


def load_attachments(values: set[str]) -> Iterator[Touch]:

    rows = Attachment.objects.filter(public_id__in=_uuids(values))
    for pk, owner in rows.values_list("pk", "dossier__applicant_id"):
        yield Touch((ACCOUNT, owner), f"attachment:{pk}", frozenset({D.IDENTITY, D.DOCUMENTS}))


def load_payments(values: set[str]) -> Iterator[Touch]:

    rows = Payment.objects.filter(public_id__in=_uuids(values))
    for pk, owner in rows.values_list("pk", "dossier__applicant_id"):
        yield Touch((ACCOUNT, owner), f"payment:{pk}", PAYMENT_KINDS)


def _bookings(**lookup: object) -> Iterator[Touch]:

    for pk, owner in Booking.objects.filter(**lookup).values_list("pk", "citizen_id"):
        yield Touch((ACCOUNT, owner), f"booking:{pk}", frozenset({D.IDENTITY, D.CONTACT}))


def load_bookings(values: set[str]) -> Iterator[Touch]:
    return _bookings(public_id__in=_uuids(values))


def load_bookings_by_pk(values: set[str]) -> Iterator[Touch]:
    return _bookings(pk__in=_ints(values))


def _pupils(pks: Iterable[int]) -> Iterator[Touch]:
    for pk in pks:
        yield Touch((PUPIL, pk), f"pupil:{pk}", PUPIL_KINDS)


def load_pupils(values: set[str]) -> Iterator[Touch]:

    return _pupils(Pupil.objects.filter(pk__in=_ints(values)).values_list("pk", flat=True))


def load_classes(values: set[str]) -> Iterator[Touch]:

    pupils = Pupil.objects.filter(school_class_id__in=_ints(values))
    return _pupils(pupils.values_list("pk", flat=True))


def load_sessions(values: set[str]) -> Iterator[Touch]:

    attended = Attendance.objects.filter(session_id__in=_ints(values))
    return _pupils(attended.values_list("pupil_id", flat=True).distinct())


def load_accounts(values: set[str]) -> Iterator[Touch]:
    users = get_user_model()._default_manager.filter(pk__in=_ints(values))
    for pk in users.values_list("pk", flat=True):
        yield Touch((ACCOUNT, pk), f"account:{pk}", ACCOUNT_KINDS)


def load_outbox(values: set[str]) -> Iterator[Touch]:

    rows = OutboxMessage.objects.filter(pk__in=_ints(values), dossier__isnull=False)
    for pk, owner in rows.values_list("pk", "dossier__applicant_id"):
        yield Touch((ACCOUNT, owner), f"message:{pk}", frozenset({D.CONTACT}))


LOADERS: dict[str, Callable[[set[str]], Iterable[Touch]]] = {
    "dossier": load_dossiers,
    "dossier_pk": load_dossiers_by_pk,
    "dossier_code": load_dossier_codes,
    "dossier_payment": load_dossier_payments,
    "attachment": load_attachments,
    "payment": load_payments,
    "booking": load_bookings,
    "booking_pk": load_bookings_by_pk,
    "pupil": load_pupils,
    "class": load_classes,
    "session": load_sessions,
    "account": load_accounts,
    "outbox": load_outbox,
}
