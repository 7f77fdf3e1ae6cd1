"""Celery tasks. Both are safe to run twice: sending claims the row first."""

from __future__ import annotations

from celery import shared_task

from dichvucong.notifications import sending


@shared_task(ignore_result=True)
def send_message_task(message_id: int) -> bool:
    return sending.send_message(message_id)


@shared_task(ignore_result=True)
def drain_outbox_task() -> int:
    return sending.drain_outbox()
