"""For each kind of data: a row older than its period goes, a newer one stays."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.models import Session

from dichvucong.accounts.models import PasswordRecovery
from dichvucong.api.models import ApplicantToken
from dichvucong.audit.models import AuditEntry
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.notifications.constants import MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.retention import service
from dichvucong.retention.tests.helpers import (
    ago,
    api_token,
    audit_entry,
    code,
    ended_dossier,
    old_draft,
    sent_message,
    session,
)


def test_an_untouched_draft_goes_with_its_files_and_a_recent_one_stays(cast, settings):
    settings.RETENTION_DRAFT_DAYS = 180
    old = old_draft(cast, timedelta(days=181))
    recent = old_draft(cast, timedelta(days=179))
    service.apply_retention()
    assert not Dossier.objects.filter(pk=old.pk).exists()
    assert not Attachment.objects.filter(dossier_id=old.pk).exists()
    assert Dossier.objects.filter(pk=recent.pk).exists()
    assert Attachment.objects.filter(dossier=recent).count() == 1


def test_a_draft_given_a_file_recently_stays(cast, settings):
    settings.RETENTION_DRAFT_DAYS = 180
    draft = old_draft(cast, timedelta(days=181))
    Attachment.objects.filter(dossier=draft).update(uploaded_at=ago(1))
    service.apply_retention()
    assert Dossier.objects.filter(pk=draft.pk).exists()


def test_files_of_a_refused_or_withdrawn_dossier_go_after_the_period_and_the_dossier_stays(
    cast, settings
):
    settings.RETENTION_ENDED_FILES_DAYS = 365
    refused = ended_dossier(cast, Status.REFUSED, timedelta(days=366))
    withdrawn = ended_dossier(cast, Status.WITHDRAWN, timedelta(days=366))
    recent = ended_dossier(cast, Status.REFUSED, timedelta(days=364))
    service.apply_retention()
    assert not Attachment.objects.filter(dossier__in=[refused, withdrawn]).exists()
    assert Dossier.objects.filter(pk__in=[refused.pk, withdrawn.pk]).count() == 2
    assert refused.events.exists() and withdrawn.events.exists()
    assert Attachment.objects.filter(dossier=recent).count() == 1


def test_an_expired_one_time_code_goes_a_day_later_and_a_fresh_one_stays(db, settings):
    settings.RETENTION_CODES_DAYS = 1
    old = code(ago(1.1))
    live = code(ago(0.9))
    service.apply_retention()
    assert not PasswordRecovery.objects.filter(pk=old.pk).exists()
    assert PasswordRecovery.objects.filter(pk=live.pk).exists()


def test_expired_sessions_and_api_tokens_go_and_live_ones_stay(cast, settings):
    settings.RETENTION_SESSIONS_DAYS = 0
    old, live = session(ago(0.01)), session(ago(-1))
    old_token, live_token = api_token(cast.applicant, ago(0.01)), api_token(cast.applicant, ago(-1))
    service.apply_retention()
    assert set(Session.objects.values_list("pk", flat=True)) == {live.pk}
    assert set(ApplicantToken.objects.values_list("pk", flat=True)) == {live_token.pk}
    assert old_token.pk != live_token.pk and old.pk != live.pk


def test_an_old_notification_is_blanked_and_its_row_kept_and_a_recent_one_stays(db, settings):
    settings.RETENTION_NOTIFICATION_BODY_DAYS = 90
    old = sent_message(ago(91))
    failed = sent_message(ago(91), MessageStatus.FAILED)
    recent = sent_message(ago(89))
    service.apply_retention()
    for message in (old, failed):
        message.refresh_from_db()
        assert (message.recipient, message.subject, message.body) == ("", "", "")
        assert message.template_fields == {}
        assert message.channel and message.status and message.created_at
    recent.refresh_from_db()
    assert recent.recipient == "0912345678" and "Nguyễn Văn Bình" in recent.body
    assert OutboxMessage.objects.count() == 3


def test_an_old_security_log_entry_goes_and_a_recent_one_stays(db, settings):
    settings.RETENTION_ACCESS_LOG_DAYS = 730
    old, recent = audit_entry(ago(731)), audit_entry(ago(729))
    service.apply_retention()
    assert not AuditEntry.objects.filter(pk=old.pk).exists()
    assert AuditEntry.objects.filter(pk=recent.pk).exists()


def test_an_old_practice_dossier_goes_and_a_recent_one_stays(cast, settings):
    settings.RETENTION_PRACTICE_DAYS = 30
    settings.RETENTION_DRAFT_DAYS = 10000
    old = old_draft(cast, timedelta(days=31), practice=True)
    recent = old_draft(cast, timedelta(days=29), practice=True)
    real = old_draft(cast, timedelta(days=31))
    service.apply_retention()
    assert not Dossier.objects.filter(pk=old.pk).exists()
    assert Dossier.objects.filter(pk__in=[recent.pk, real.pk]).count() == 2


def test_an_officers_old_read_of_a_dossier_goes_with_the_security_log(cast, settings):
    from dichvucong.dossiers.constants import Status
    from dichvucong.dossiers.testing import make_dossier
    from dichvucong.rights.models import DossierRead

    settings.RETENTION_ACCESS_LOG_DAYS = 730
    dossier = make_dossier(cast, Status.PROCESSING)
    reads = [
        DossierRead.objects.create(
            dossier=dossier, actor=cast.receptionist_a, day=at.date(), first_at=at
        )
        for at in (ago(731), ago(729))
    ]
    service.apply_retention()
    assert list(DossierRead.objects.values_list("pk", flat=True)) == [reads[1].pk]
