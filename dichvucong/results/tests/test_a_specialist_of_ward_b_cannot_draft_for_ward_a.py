from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.results import service
from dichvucong.results.models import ResultDraft

pytestmark = pytest.mark.django_db


def test_ward_b_gets_404_and_saves_nothing(client, cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    login_verified(client, cast.specialist_b)
    url = reverse("backoffice:result_draft", args=[dossier.public_id])

    assert client.get(url).status_code == 404
    assert client.post(url, {"value_0": "X", "body": "X"}).status_code == 404
    assert not ResultDraft.objects.exists()


def test_the_operation_refuses_anyone_but_the_assigned_specialist(cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    for someone in (cast.specialist_b, cast.leader_a, cast.receptionist_a):
        with pytest.raises(service.DraftError):
            service.save_draft(dossier, someone, [], "X")
    assert not ResultDraft.objects.exists()
