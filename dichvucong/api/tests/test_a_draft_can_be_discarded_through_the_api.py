"""DELETE on a draft discards it with its files; a submitted dossier is
never deleted (409), and someone else's draft does not exist for you."""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.test import Client

from dichvucong.api.tests.helpers import assert_error, send
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_dossier, make_draft


def test_a_draft_and_its_files_are_discarded(
    client: Client, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    draft = make_draft(cast)
    stored = draft.attachments.get().file.name
    client.force_login(cast.applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "DELETE", f"/applicant/dossiers/{draft.public_id}")
    assert response.status_code == 204
    assert not Dossier.objects.filter(pk=draft.pk).exists()
    assert not default_storage.exists(stored)
    again = send(client, "DELETE", f"/applicant/dossiers/{draft.public_id}")
    assert_error(again, 404, "not_found")


def test_a_submitted_dossier_is_never_deleted(client: Client, cast: Cast) -> None:
    dossier = make_dossier(cast)
    client.force_login(cast.applicant)
    response = send(client, "DELETE", f"/applicant/dossiers/{dossier.public_id}")
    assert_error(response, 409, "already_submitted")
    assert Dossier.objects.filter(pk=dossier.pk, code=dossier.code).exists()


def test_someone_elses_draft_is_not_found(client: Client, cast: Cast) -> None:
    draft = make_draft(cast)
    client.force_login(cast.other_applicant)
    response = send(client, "DELETE", f"/applicant/dossiers/{draft.public_id}")
    assert_error(response, 404, "not_found")
    assert Dossier.objects.filter(pk=draft.pk).exists()
