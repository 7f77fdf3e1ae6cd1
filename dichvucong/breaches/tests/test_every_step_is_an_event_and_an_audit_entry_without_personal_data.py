from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.audit.models import AuditEntry
from dichvucong.breaches.constants import EventKind
from dichvucong.breaches.tests.helpers import START, incident, trail, url
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def test_the_history_lists_each_step_and_the_trail_holds_counts_only(
    client, cast, admin_user
) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    trail(
        reverse("backoffice:detail", args=[dossier.public_id]),
        START + timedelta(hours=1),
        cast.receptionist_a,
    )
    item = incident(admin_user)
    login_verified(client, admin_user)

    client.get(url("affected_csv", item))
    client.get(url("authority_pdf", item))
    client.post(url("mark_notified", item), {"at": "11/03/2026 10:00"})
    client.post(url("send_notices", item), {"confirm": "on"})
    client.post(url("close", item))

    kinds = list(item.events.values_list("kind", flat=True))
    assert kinds == [
        EventKind.LIST_DOWNLOADED,
        EventKind.AUTHORITY_NOTICE,
        EventKind.AUTHORITY_NOTIFIED,
        EventKind.NOTICES_SENT,
        EventKind.CLOSED,
    ]
    entries = AuditEntry.objects.filter(target=f"incident={item.pk}")
    assert entries.count() == len(kinds)
    written = " ".join(f"{e.what} {e.path} {e.detail}" for e in entries)
    for secret in (
        cast.applicant.full_name,
        cast.applicant.username,
        cast.applicant.citizen.phone,
        cast.applicant.email,
    ):
        assert secret not in written
    assert "Lịch sử xử lý" in client.get(url("detail", item)).content.decode()
