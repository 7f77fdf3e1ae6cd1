from __future__ import annotations

from django.core.files.storage import default_storage

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment
from dichvucong.retention import service
from dichvucong.retention.tests.helpers import ended_dossier, old_draft


def test_files_of_expired_drafts_and_refused_dossiers_leave_the_storage(
    cast, django_capture_on_commit_callbacks
):
    draft = old_draft(cast)
    refused = ended_dossier(cast, Status.REFUSED)
    names = list(
        Attachment.objects.filter(dossier__in=[draft, refused]).values_list("file", flat=True)
    )
    assert len(names) == 2 and all(default_storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        service.apply_retention()
    assert not any(default_storage.exists(name) for name in names)


def test_a_dry_run_leaves_the_stored_files(cast, django_capture_on_commit_callbacks):
    draft = old_draft(cast)
    name = Attachment.objects.get(dossier=draft).file.name
    with django_capture_on_commit_callbacks(execute=True):
        service.apply_retention(dry_run=True)
    assert default_storage.exists(name)
