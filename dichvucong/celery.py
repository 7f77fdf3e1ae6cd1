"""The Celery application. Configuration comes from Django's settings
(the CELERY_* names); with no CELERY_BROKER_URL every task runs in-process
at once, which is the embedded default.

Worker: celery -A dichvucong worker    Schedule: celery -A dichvucong beat
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dichvucong.settings")

app = Celery("dichvucong")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
