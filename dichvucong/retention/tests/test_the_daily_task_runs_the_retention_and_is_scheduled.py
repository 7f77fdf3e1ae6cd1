from __future__ import annotations

from django.conf import settings

from dichvucong.retention.models import RetentionRun
from dichvucong.retention.tasks import apply_retention_task
from dichvucong.retention.tests.helpers import ago, audit_entry


def test_the_beat_runs_apply_retention_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["apply-retention"]
    assert entry["task"] == "dichvucong.retention.tasks.apply_retention_task"
    assert entry["schedule"] == 86400.0


def test_the_task_removes_what_expired_and_records_a_real_run(db):
    audit_entry(ago(5000))
    apply_retention_task.delay()
    run = RetentionRun.objects.get()
    assert run.dry_run is False and run.counts["access_log"] == 1
