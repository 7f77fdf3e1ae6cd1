"""An uploaded roster as a job: checked first (the preview), saved only
once the coordinator confirms.

The file is stored server-side under a random name until the job ends;
the pages reach it by the job's id, which says nothing about the pupils.
`process_import` runs in a Celery task started after the commit (in
process, at once, in the embedded mode and in tests) and is safe to run
twice: each phase claims the job's status before working, so a task
delivered twice, or a confirm button clicked twice, works once. While
lines are checked the `done` counter advances in batches, for the
progress page."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import asdict
from datetime import timedelta
from pathlib import PurePosixPath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dichvucong.lib import filecheck
from dichvucong.outreach.access import scope_for
from dichvucong.outreach.constants import ImportStatus
from dichvucong.outreach.models import Campaign, RosterImport, School
from dichvucong.outreach.roster.checking import Checker, RosterRow, RowError
from dichvucong.outreach.roster.identity import notices
from dichvucong.outreach.roster.reading import RosterFileError, cell_text, header_map, read_rows
from dichvucong.outreach.roster.saving import Saved, save_rows

logger = logging.getLogger(__name__)

MAX_ROWS = 20_000
# An unconfirmed preview's file is kept this long, then deleted.
PREVIEW_KEPT = timedelta(days=2)
BATCH = 500
SYSTEM_ERROR = gettext_lazy(
    "Có lỗi hệ thống khi nhập danh sách; chưa có học sinh nào được lưu. Vui lòng thử lại sau."
)
Table = Iterable[tuple[int, list[Any]]]


def allowed_schools(job: RosterImport) -> list[School]:
    """A coordinator's import: their school. The education office's: the
    schools of the chosen campaign. Either way only schools the uploader
    may still write to, checked again here because the work may run later
    in a worker."""
    if job.school_id is not None:
        schools = School.objects.filter(pk=job.school_id)
    elif job.campaign_id is not None:
        schools = job.campaign.schools.all()  # type: ignore[union-attr]
    else:
        return []
    return list(schools.filter(pk__in=scope_for(job.uploaded_by).writable_school_ids))


def check_table(
    table: Table, checker: Checker, progress: Any = None
) -> tuple[list[RosterRow], list[RowError], int]:
    """(good rows, errors, lines read) of a table whose first row is the
    header. `progress(done, total)` is called in batches."""
    table = iter(table)
    header = next(table, None)
    if header is None:
        raise RosterFileError(_("Tệp trống."))
    columns = header_map(header[1])
    body = [(number, cells) for number, cells in table if any(cell_text(v) for v in cells)]
    if not body:
        raise RosterFileError(_("Tệp chưa có học sinh nào."))
    if len(body) > MAX_ROWS:
        raise RosterFileError(_("Mỗi lần nhập tối đa %(max)s dòng.") % {"max": MAX_ROWS})
    rows: list[RosterRow] = []
    for count, (number, cells) in enumerate(body, start=1):
        parsed = checker.check(number, cells, columns)
        if parsed is not None:
            rows.append(parsed)
        if progress is not None and (count % BATCH == 0 or count == 1):
            progress(count, len(body))
    return rows, checker.errors, len(body)


def import_table(table: Table, schools: list[School], school_year: str) -> Saved:
    """Check and save a table in one go, good lines only: the demo loader
    and the command line; the pages go through a job and its preview."""
    rows, _errors, _total = check_table(table, Checker.for_schools(schools, school_year))
    return save_rows(rows)


# --- The job --------------------------------------------------------------------------


def process_import(import_id: int) -> None:
    """The job's next phase: check a new upload, or save a confirmed one."""
    if _claim(import_id, ImportStatus.PENDING, ImportStatus.CHECKING):
        _run(import_id, _check_phase)
    elif _claim(import_id, ImportStatus.CONFIRMED, ImportStatus.SAVING):
        _run(import_id, _save_phase)


def _claim(import_id: int, old: str, new: str) -> bool:
    return bool(RosterImport.objects.filter(pk=import_id, status=old).update(status=new))


def _run(import_id: int, phase: Any) -> None:
    job = RosterImport.objects.select_related("school", "campaign", "uploaded_by").get(pk=import_id)
    try:
        phase(job)
    except RosterFileError as error:
        _finish(job, ImportStatus.FAILED, [RowError(0, "", str(error))])
    except Exception:
        logger.exception("roster import %s failed", import_id)
        _finish(job, ImportStatus.FAILED, [RowError(0, "", str(SYSTEM_ERROR))])


def _check_phase(job: RosterImport) -> None:
    """The preview: every line checked, nothing saved. A file without one
    good line ends here; otherwise it waits for the coordinator."""
    rows, errors, _total = _check_file(job)
    if not rows:
        _finish(job, ImportStatus.FAILED, errors)
        return
    _set(
        job,
        status=ImportStatus.READY,
        valid=len(rows),
        errors=[asdict(e) for e in errors],
        notices=[asdict(notice) for notice in notices(rows)],
    )


def _save_phase(job: RosterImport) -> None:
    """The lines are checked again (a class may have gone since the
    preview) and the good ones saved in one transaction."""
    rows, errors, _total = _check_file(job)
    saved = save_rows(rows)
    _set(
        job,
        valid=len(rows),
        created=saved.created,
        updated=saved.updated,
        groups_set=saved.groups_set,
        groups_held=saved.groups_held,
    )
    _finish(job, ImportStatus.DONE, errors)


def _check_file(job: RosterImport) -> tuple[list[RosterRow], list[RowError], int]:
    with job.file.open("rb") as stream:
        data = stream.read()
    checker = Checker.for_schools(allowed_schools(job), job.school_year)
    rows, errors, total = check_table(
        read_rows(job.original_name, data),
        checker,
        lambda done, total: _set(job, done=done, total=total),
    )
    _set(job, done=total, total=total)
    return rows, errors, total


def _set(job: RosterImport, **values: Any) -> None:
    for name, value in values.items():
        setattr(job, name, value)
    RosterImport.objects.filter(pk=job.pk).update(**values)


def _finish(job: RosterImport, status: str, errors: list[RowError]) -> None:
    """The outcome, and the file deleted: it lists minors, and once
    imported (or refused) it has served its purpose."""
    _set(
        job,
        status=status,
        errors=[asdict(error) for error in errors],
        done=job.total,
        finished_at=timezone.now(),
    )
    discard_file(job)


def discard_file(job: RosterImport) -> None:
    if job.file:
        job.file.delete(save=False)
        _set(job, file="")


# --- Starting, confirming, cancelling --------------------------------------------------


def start_import(
    upload: UploadedFile,
    *,
    by: Any,
    school: School | None,
    campaign: Campaign | None,
    school_year: str,
) -> RosterImport:
    """Store the file under a generated name and queue its check once the
    row is committed."""
    ext = PurePosixPath(upload.name or "").suffix.lower()
    job = RosterImport(
        uploaded_by=by,
        school=school,
        campaign=campaign,
        school_year=school_year,
        original_name=filecheck.clean_name(upload.name or ""),
    )
    job.file.save(f"{uuid.uuid4().hex}{ext}", upload, save=False)
    job.save()
    transaction.on_commit(lambda: enqueue(job.pk))
    return job


def confirm_import(job: RosterImport) -> bool:
    """The coordinator's "Nhập": queue the saving once. False when the job
    was not waiting (a second click, or a job already cancelled)."""
    if not _claim(job.pk, ImportStatus.READY, ImportStatus.CONFIRMED):
        return False
    transaction.on_commit(lambda: enqueue(job.pk))
    return True


def cancel_import(job: RosterImport) -> bool:
    """Drop a previewed file without saving anything."""
    if not _claim(job.pk, ImportStatus.READY, ImportStatus.CANCELLED):
        return False
    job.refresh_from_db()
    _set(job, finished_at=timezone.now())
    discard_file(job)
    return True


def expire_previews(older_than: timedelta = PREVIEW_KEPT) -> int:
    """Previews nobody confirmed within `older_than` are cancelled and
    their files deleted: the files list minors. Returns how many."""
    cutoff = timezone.now() - older_than
    stale = RosterImport.objects.filter(status=ImportStatus.READY, created_at__lt=cutoff)
    return sum(cancel_import(job) for job in stale)


def enqueue(import_id: int) -> None:
    """A broker that is down must not leave the import waiting forever: the
    work is then done here, in the request (a few seconds for a district)."""
    from dichvucong.outreach.tasks import process_roster_import_task

    try:
        process_roster_import_task.delay(import_id)
    except Exception as error:
        logger.warning(
            "roster import %s not queued (%s); processing in-process",
            import_id,
            type(error).__name__,
        )
        process_import(import_id)
