from __future__ import annotations

from django.contrib.sessions.models import Session
from django.core.management import call_command

from dichvucong.accounts.models import PasswordRecovery
from dichvucong.audit.models import AuditEntry
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.notifications.models import OutboxMessage
from dichvucong.retention import service
from dichvucong.retention.constants import Kind
from dichvucong.retention.models import RetentionRun
from dichvucong.retention.tests.helpers import (
    ago,
    audit_entry,
    code,
    ended_dossier,
    old_draft,
    sent_message,
    session,
)


def _everything(cast) -> None:  # type: ignore[no-untyped-def]
    old_draft(cast)
    old_draft(cast, practice=True)
    ended_dossier(cast, Status.REFUSED)
    code(ago(30))
    session(ago(30))
    sent_message(ago(3000))
    audit_entry(ago(3000))


def _snapshot() -> tuple:
    return (
        Dossier.objects.count(),
        Attachment.objects.count(),
        PasswordRecovery.objects.count(),
        Session.objects.count(),
        AuditEntry.objects.count(),
        list(OutboxMessage.objects.values_list("recipient", "body")),
    )


def test_a_dry_run_deletes_nothing_and_reports_what_the_real_run_then_removes(cast):
    _everything(cast)
    before = _snapshot()
    dry, _ = service.apply_retention(dry_run=True)
    assert _snapshot() == before
    assert dry.dry_run is True
    assert all(dry.counts[kind] == 1 for kind in Kind), dry.counts
    real, _ = service.apply_retention()
    assert real.counts == dry.counts and real.dry_run is False
    again, _ = service.apply_retention(dry_run=True)
    assert set(again.counts.values()) == {0}
    assert RetentionRun.objects.count() == 3


def test_the_command_prints_each_kind_its_period_and_count_in_vietnamese(cast, capsys):
    _everything(cast)
    call_command("apply_retention", "--dry-run")
    out = capsys.readouterr().out
    assert "Loại dữ liệu" in out and "Chạy thử: không xóa gì" in out
    assert "Bản nháp chưa nộp và tệp của chúng" in out
    assert "Tổng cộng 7 mục" in out
    assert Dossier.objects.filter(status=Status.DRAFT).count() == 2
