from __future__ import annotations

import logging

from dichvucong.retention import service
from dichvucong.retention.constants import Kind
from dichvucong.retention.models import RetentionRun
from dichvucong.retention.tests.helpers import ago, sent_message


def test_the_summary_row_and_log_line_hold_counts_and_no_contents(db, caplog):
    sent_message(ago(3000))
    with caplog.at_level(logging.INFO, logger="dichvucong.retention.service"):
        service.apply_retention()
    run = RetentionRun.objects.get()
    assert set(run.counts) == {str(kind) for kind in Kind}
    assert all(isinstance(count, int) for count in run.counts.values())
    assert run.counts[Kind.NOTIFICATION_BODIES] == 1
    for text in (str(run.counts), caplog.text):
        assert "0912345678" not in text and "Nguyễn" not in text and "T.KM" not in text
    assert "notification_bodies" in caplog.text
