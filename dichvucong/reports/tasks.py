"""Celery tasks of the reports: the kept counts' compaction, every minute."""

from __future__ import annotations

from celery import shared_task

from dichvucong.reports.tally import compaction


@shared_task(ignore_result=True)
def compact_statistics_task() -> int:
    return compaction.compact_all()
