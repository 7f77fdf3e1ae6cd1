from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Delivery, Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.results.tests.helpers import resolved, stored_bytes

pytestmark = pytest.mark.django_db


def _url(dossier) -> str:
    return reverse("results:download", args=[dossier.public_id])


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_first_download_of_an_online_result_returns_it(client, cast):
    dossier = resolved(cast, Delivery.ONLINE)
    client.force_login(cast.applicant)

    response = client.get(_url(dossier))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert _body(response) == stored_bytes(dossier.result)
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert dossier.returned_at is not None


def test_a_second_download_changes_nothing_more(client, cast):
    dossier = resolved(cast, Delivery.ONLINE)
    client.force_login(cast.applicant)
    client.get(_url(dossier))
    events = dossier.events.count()

    assert client.get(_url(dossier)).status_code == 200
    assert dossier.events.count() == events


def test_downloading_a_counter_result_leaves_it_to_the_counter(client, cast):
    dossier = resolved(cast, Delivery.COUNTER)
    client.force_login(cast.applicant)

    assert client.get(_url(dossier)).status_code == 200

    dossier.refresh_from_db()
    assert dossier.status == Status.RESOLVED


def test_staff_of_the_agency_may_download_without_returning_it(client, cast):
    dossier = resolved(cast, Delivery.ONLINE)
    login_verified(client, cast.receptionist_a)

    assert client.get(_url(dossier)).status_code == 200

    dossier.refresh_from_db()
    assert dossier.status == Status.RESOLVED


@pytest.mark.parametrize("who", ["other_applicant", "receptionist_b", "leader_b"])
def test_everyone_else_gets_404(client, cast, who):
    dossier = resolved(cast, Delivery.ONLINE)
    login_verified(client, getattr(cast, who))

    assert client.get(_url(dossier)).status_code == 404

    dossier.refresh_from_db()
    assert dossier.status == Status.RESOLVED


def test_a_dossier_without_result_is_404(client, cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    client.force_login(cast.applicant)

    assert client.get(_url(dossier)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, cast):
    dossier = resolved(cast, Delivery.ONLINE)

    response = client.get(_url(dossier))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
