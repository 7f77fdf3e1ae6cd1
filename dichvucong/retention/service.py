"""Deleting or blanking personal data past its retention period.

One function per kind (constants.Kind). Each takes the cutoff (anything
older has expired) and `dry_run`; it returns how many items went, or
would go. The work is done in batches of BATCH_SIZE, each in its own
transaction, so no lock is held long and a crash loses at most one batch
of progress. Stored files are deleted once the batch has committed: a
rolled-back batch keeps its rows and their files.

Never touched: a submitted dossier, its result, its events (a hash chain:
`manage.py verify_events` still passes) and its files, except the files of
a dossier refused or withdrawn. The security log is append-only but not a
hash chain: old entries can be deleted without breaking anything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError, Q, QuerySet
from django.utils import timezone

from dichvucong.accounts.models import PasswordRecovery
from dichvucong.api.models import ApplicantToken
from dichvucong.audit.models import AuditEntry
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.notifications.constants import MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.retention import policy
from dichvucong.retention.constants import BATCH_SIZE, Kind
from dichvucong.retention.models import RetentionRun

logger = logging.getLogger(__name__)

# The dossiers whose files go after the period (issue 16): refused or withdrawn.
FILES_ENDED_STATUSES = (Status.REFUSED, Status.WITHDRAWN)


def _batches(queryset: QuerySet) -> Iterator[list[int]]:
    """The ids of `queryset` in ascending batches. Walking by id, never
    from the start again, so rows a batch had to skip are not met twice."""
    last = 0
    while True:
        ids = list(
            queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE]
        )
        if not ids:
            return
        yield ids
        last = ids[-1]


def _delete_files_after_commit(names: list[tuple[object, str]]) -> None:
    def delete() -> None:
        for storage, name in names:
            try:
                storage.delete(name)  # type: ignore[attr-defined]
            except OSError:
                # Left for purge_orphan_files: no row names it any more.
                logger.warning("retention: a stored file could not be deleted")

    transaction.on_commit(delete)


def _delete_rows(queryset: QuerySet, dry_run: bool) -> int:
    """Plain rows without files: deleted batch by batch."""
    if dry_run:
        return queryset.count()
    gone = 0
    for ids in _batches(queryset):
        with transaction.atomic():
            gone += queryset.filter(pk__in=ids).delete()[0]
    return gone


def _update_rows(queryset: QuerySet, values: dict, dry_run: bool) -> int:
    if dry_run:
        return queryset.count()
    done = 0
    for ids in _batches(queryset):
        with transaction.atomic():
            done += queryset.filter(pk__in=ids).update(**values)
    return done


# --- Drafts and practice dossiers ----------------------------------------------------


def _expired_drafts(cutoff: datetime, practice: bool) -> QuerySet[Dossier]:
    """Drafts last changed, and last given a file, before the cutoff, that
    nothing keeps: a draft with events, or one waiting for an assisted
    submission's confirmation, is left alone (those are not plain drafts,
    and their rows protect it)."""
    return Dossier.objects.filter(
        status=Status.DRAFT,
        is_practice=practice,
        updated_at__lt=cutoff,
        events__isnull=True,
        assisted__isnull=True,
        payments__isnull=True,
        national_messages__isnull=True,
    ).exclude(attachments__uploaded_at__gte=cutoff)


def _delete_drafts(queryset: QuerySet[Dossier], dry_run: bool) -> int:
    if dry_run:
        return queryset.count()
    gone = 0
    for ids in _batches(queryset):
        with transaction.atomic():
            # Locked and checked again: a draft changed or submitted since
            # it was listed is no longer expired.
            drafts = list(
                queryset.filter(pk__in=ids)
                .select_for_update(of=("self",))
                .prefetch_related("attachments")
            )
            files: list[tuple[object, str]] = []
            for draft in drafts:
                names = [(a.file.storage, a.file.name) for a in draft.attachments.all()]
                try:
                    with transaction.atomic():
                        draft.delete()
                except ProtectedError:
                    continue
                files.extend(names)
                gone += 1
            _delete_files_after_commit(files)
    return gone


def expire_drafts(cutoff: datetime, dry_run: bool = False) -> int:
    """Unsubmitted drafts untouched since the cutoff, with their files."""
    return _delete_drafts(_expired_drafts(cutoff, practice=False), dry_run)


def expire_practice(cutoff: datetime, dry_run: bool = False) -> int:
    """Practice dossiers untouched since the cutoff, with their files. The
    practice attempt stays (its dossier set to none) for the campaign's counts."""
    return _delete_drafts(_expired_drafts(cutoff, practice=True), dry_run)


# --- Files of refused and withdrawn dossiers ----------------------------------------


def expire_ended_files(cutoff: datetime, dry_run: bool = False) -> int:
    """The files of dossiers refused or withdrawn before the cutoff. The
    dossier and its events stay; the events keep each file's name and hash."""
    queryset = Attachment.objects.filter(
        dossier__status__in=FILES_ENDED_STATUSES, dossier__closed_at__lt=cutoff
    )
    if dry_run:
        return queryset.count()
    gone = 0
    for ids in _batches(queryset):
        with transaction.atomic():
            attachments = list(queryset.filter(pk__in=ids).select_for_update(of=("self",)))
            files = [(a.file.storage, a.file.name) for a in attachments]
            gone += Attachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()[0]
            _delete_files_after_commit(files)
    return gone


# --- One-time codes and sessions ------------------------------------------------------


def expire_codes(cutoff: datetime, dry_run: bool = False) -> int:
    """Recovery and phone confirmation codes expired before the cutoff
    (deleted), and the hashes of assisted submissions' confirmation codes
    expired before it (blanked: the submission itself is a record)."""
    recoveries = PasswordRecovery.objects.filter(expires_at__lt=cutoff)
    assisted = AssistedSubmission.objects.filter(expires_at__lt=cutoff).exclude(code_hash="")
    return _delete_rows(recoveries, dry_run) + _update_rows(
        assisted, {"code_hash": "", "expires_at": None}, dry_run
    )


def sessions_in_database() -> bool:
    return settings.SESSION_ENGINE in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    )


def expire_sessions(cutoff: datetime, dry_run: bool = False) -> int:
    """Sessions and applicants' API tokens expired before the cutoff.
    Sessions kept in the cache (Redis) expire there by themselves."""
    gone = _delete_rows(ApplicantToken.objects.filter(expires_at__lt=cutoff), dry_run)
    if sessions_in_database():
        from django.contrib.sessions.models import Session

        gone += _delete_rows(Session.objects.filter(expire_date__lt=cutoff), dry_run)
    return gone


# --- Notification bodies ---------------------------------------------------------------


def expire_notification_bodies(cutoff: datetime, dry_run: bool = False) -> int:
    """What messages sent (or given up) before the cutoff said and to whom:
    blanked. The row stays for the counts: channel, status, dates, dossier."""
    queryset = OutboxMessage.objects.filter(
        Q(status=MessageStatus.SENT, sent_at__lt=cutoff)
        | Q(status=MessageStatus.FAILED, created_at__lt=cutoff)
    ).filter(~Q(recipient="") | ~Q(body="") | ~Q(subject=""))
    blank = {"recipient": "", "subject": "", "body": "", "template_fields": {}}
    return _update_rows(queryset, blank, dry_run)


# --- The security log -----------------------------------------------------------------------


def expire_access_log(cutoff: datetime, dry_run: bool = False) -> int:
    """Security log entries older than the cutoff, and the back office's
    reads of dossiers kept for their applicants (rights.DossierRead): both
    say who looked at what. The model refuses to delete one entry
    (append-only against edits); expiry is a deletion by query, the only
    one there is."""
    from dichvucong.rights.models import DossierRead

    entries = _delete_rows(AuditEntry.objects.filter(at__lt=cutoff), dry_run)
    return entries + _delete_rows(DossierRead.objects.filter(first_at__lt=cutoff), dry_run)


# --- The run -----------------------------------------------------------------------------------

EXPIRE: dict[Kind, Callable[[datetime, bool], int]] = {
    Kind.DRAFTS: expire_drafts,
    Kind.ENDED_FILES: expire_ended_files,
    Kind.CODES: expire_codes,
    Kind.SESSIONS: expire_sessions,
    Kind.NOTIFICATION_BODIES: expire_notification_bodies,
    Kind.ACCESS_LOG: expire_access_log,
    Kind.PRACTICE: expire_practice,
}


@dataclass(frozen=True)
class Line:
    kind: Kind
    days: int
    count: int


def apply_retention(
    dry_run: bool = False, now: datetime | None = None
) -> tuple[RetentionRun, list[Line]]:
    """Every kind past its period deleted or blanked (or only counted, when
    `dry_run`); one RetentionRun row records the counts, and the log too."""
    now = now or timezone.now()
    lines = []
    for period in policy.periods():
        count = EXPIRE[period.kind](period.cutoff(now), dry_run)
        lines.append(Line(period.kind, period.days, count))
    counts = {str(line.kind): line.count for line in lines}
    run = RetentionRun.objects.create(dry_run=dry_run, counts=counts)
    logger.info("retention%s: %s", " (dry run)" if dry_run else "", counts)
    return run, lines
