"""Celery tasks of the outreach campaign. Safe to run twice: the import
claims its row before working."""

from __future__ import annotations

from celery import shared_task

from dichvucong.outreach import roster


@shared_task(ignore_result=True)
def process_roster_import_task(import_id: int) -> None:
    roster.process_import(import_id)


@shared_task(ignore_result=True)
def expire_roster_previews_task() -> None:
    """Cancels previews left unconfirmed, deleting their files."""
    roster.jobs.expire_previews()
