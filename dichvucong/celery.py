"""The Celery application. Configuration comes from Django's settings
(the CELERY_* names); with no CELERY_BROKER_URL every task runs in-process
at once, which is the embedded default.

Worker: celery -A dichvucong worker    Schedule: celery -A dichvucong beat
"""

from __future__ import annotations

import logging
import os
from typing import Any

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dichvucong.settings")

app = Celery("dichvucong")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


@signals.worker_init.connect
@signals.beat_init.connect
def refuse_unsafe_defaults(**kwargs: Any) -> None:
    """Workers and beat run no system checks either: refuse the unsafe
    embedded defaults before taking any task (core/checks.py)."""
    import django
    from django.apps import apps
    from django.core.exceptions import ImproperlyConfigured

    if not apps.ready:
        django.setup()
    from dichvucong.core.checks import refuse_unsafe_defaults as refuse

    try:
        refuse()
    except ImproperlyConfigured as error:
        # Celery logs an exception raised by a signal handler and goes on;
        # only leaving the process stops it.
        logger.critical("%s", error)
        raise SystemExit(1) from error
