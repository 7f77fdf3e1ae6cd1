from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.feedback.models import Rating

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["other_applicant", "receptionist_a", "leader_a"])
def test_someone_else_gets_404_and_rates_nothing(client, cast, who):
    dossier = make_dossier(cast, Status.RESOLVED)
    login_verified(client, getattr(cast, who))
    url = reverse("feedback:rate", args=[dossier.public_id])

    assert client.get(url).status_code == 404
    assert client.post(url, {"level": "1"}).status_code == 404
    assert not Rating.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, cast):
    dossier = make_dossier(cast, Status.RESOLVED)

    response = client.post(reverse("feedback:rate", args=[dossier.public_id]), {"level": "1"})

    assert response.status_code == 302
    assert not Rating.objects.exists()
