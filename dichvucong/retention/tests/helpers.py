"""Rows of each kind, made older or newer than their retention period."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from dichvucong.accounts.models import PasswordRecovery
from dichvucong.api.models import ApplicantToken
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.dossiers.testing import Cast, make_dossier, make_draft
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage

LONG_AGO = timedelta(days=5000)


def ago(days: float) -> datetime:
    return timezone.now() - timedelta(days=days)


def old_draft(cast: Cast, age: timedelta = LONG_AGO, practice: bool = False) -> Dossier:
    draft = make_draft(cast)
    Dossier.objects.filter(pk=draft.pk).update(
        updated_at=timezone.now() - age, is_practice=practice
    )
    Attachment.objects.filter(dossier=draft).update(uploaded_at=timezone.now() - age)
    return draft


def ended_dossier(cast: Cast, status: int, age: timedelta = LONG_AGO) -> Dossier:
    dossier = make_dossier(cast, status)
    Dossier.objects.filter(pk=dossier.pk).update(closed_at=timezone.now() - age)
    return dossier


def code(expired: datetime) -> PasswordRecovery:
    return PasswordRecovery.objects.create(
        token=uuid.uuid4().hex,
        code_hash="x" * 64,
        created_at=expired - timedelta(minutes=15),
        expires_at=expired,
    )


def session(expired: datetime) -> Session:
    return Session.objects.create(
        session_key=uuid.uuid4().hex, session_data="e30=", expire_date=expired
    )


def api_token(user, expired: datetime) -> ApplicantToken:  # type: ignore[no-untyped-def]
    return ApplicantToken.objects.create(
        user=user, prefix=uuid.uuid4().hex[:8], secret_hash="y" * 64, expires_at=expired
    )


def sent_message(sent: datetime, status: str = MessageStatus.SENT) -> OutboxMessage:
    message = OutboxMessage.objects.create(
        channel=Channel.SMS,
        recipient="0912345678",
        subject="Hồ sơ T.KM-261206-0001",
        body="Hồ sơ của ông Nguyễn Văn Bình đã có kết quả.",
        dedupe_key=uuid.uuid4().hex,
        status=status,
        sent_at=sent if status == MessageStatus.SENT else None,
        template_fields={"name": "Nguyễn Văn Bình"},
    )
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=sent)
    return message


def audit_entry(at: datetime) -> AuditEntry:
    entry = AuditEntry.objects.create(
        action=Action.LOGIN, what="Đăng nhập", actor_label="tiepnhan.a"
    )
    AuditEntry.objects.filter(pk=entry.pk).update(at=at)
    return entry
