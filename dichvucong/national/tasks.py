"""Celery tasks. Safe to run twice and at once: sending claims each
message under a lease first (sending.py)."""

from __future__ import annotations

from celery import shared_task

from dichvucong.national import sending


@shared_task(ignore_result=True)
def send_dossier_task(dossier_id: int) -> int:
    return sending.drain(dossier_id=dossier_id)


@shared_task(ignore_result=True)
def drain_task() -> int:
    return sending.drain()
