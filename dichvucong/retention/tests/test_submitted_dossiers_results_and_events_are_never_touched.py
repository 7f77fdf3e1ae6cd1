from __future__ import annotations

from django.core.management import call_command

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier, Event, ResultDocument
from dichvucong.dossiers.testing import make_dossier
from dichvucong.retention import service
from dichvucong.retention.tests.helpers import LONG_AGO, ended_dossier, old_draft


def test_nothing_submitted_is_deleted_and_the_event_log_still_verifies(cast, settings, capsys):
    for name in ("RETENTION_DRAFT_DAYS", "RETENTION_ENDED_FILES_DAYS", "RETENTION_PRACTICE_DAYS"):
        setattr(settings, name, 0)
    kept = [
        make_dossier(cast, status)
        for status in (
            Status.SUBMITTED,
            Status.PROCESSING,
            Status.RESOLVED,
            Status.RETURNED,
            Status.STOPPED,
        )
    ]
    Dossier.objects.filter(pk__in=[d.pk for d in kept]).update(
        updated_at=Dossier.objects.get(pk=kept[0].pk).created_at - LONG_AGO
    )
    refused = ended_dossier(cast, Status.REFUSED)
    old_draft(cast)
    events = list(Event.objects.order_by("pk").values_list("pk", "hash"))
    results = list(ResultDocument.objects.values_list("pk", "sha256"))
    kept_files = list(Attachment.objects.filter(dossier__in=kept).values_list("pk", flat=True))

    service.apply_retention()

    assert Dossier.objects.filter(pk__in=[d.pk for d in [*kept, refused]]).count() == 6
    assert list(Event.objects.order_by("pk").values_list("pk", "hash")) == events
    assert list(ResultDocument.objects.values_list("pk", "sha256")) == results
    assert list(Attachment.objects.filter(dossier__in=kept).values_list("pk", flat=True)) == (
        kept_files
    )
    assert not Dossier.objects.filter(status=Status.DRAFT).exists()
    call_command("verify_events")
