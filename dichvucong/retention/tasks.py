"""The daily retention run (CELERY_BEAT_SCHEDULE "apply-retention"). Safe
to run twice: what a run removed is not there for the next one."""

from __future__ import annotations

from celery import shared_task

from dichvucong.retention import service


@shared_task(ignore_result=True)
def apply_retention_task() -> None:
    service.apply_retention()
