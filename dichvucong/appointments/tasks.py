from __future__ import annotations

from celery import shared_task

from dichvucong.appointments import services


@shared_task
def remind_tomorrows_bookings_task() -> int:
    """Idempotent: run as often as wanted, one SMS per booking."""
    return len(services.write_reminders())
