"""Recording the notice shown (other apps call `acknowledge`)."""

from __future__ import annotations

from typing import Any

from dichvucong.privacy.constants import NoticeKind
from dichvucong.privacy.models import NoticeAcknowledgement, NoticeText
from dichvucong.privacy.notices import notice


def acknowledge(
    kind: NoticeKind,
    *,
    account: Any = None,
    dossier: Any = None,
    consent: Any = None,
) -> NoticeAcknowledgement:
    """Record that the current version of this notice was shown; in the
    caller's transaction, so it is saved with the account or dossier."""
    shown = notice(kind)
    text, _created = NoticeText.objects.get_or_create(
        notice=kind, version=shown.version, defaults={"body": shown.text}
    )
    return NoticeAcknowledgement.objects.create(
        text=text, account=account, dossier=dossier, consent=consent
    )


def versions_recorded(*, account: Any = None, dossier: Any = None) -> list[tuple[str, str]]:
    """(notice, version) recorded for an account or a dossier, oldest first."""
    rows = NoticeAcknowledgement.objects.select_related("text").order_by("at", "pk")
    if account is not None:
        rows = rows.filter(account=account)
    if dossier is not None:
        rows = rows.filter(dossier=dossier)
    return [(row.text.notice, row.text.version) for row in rows]
