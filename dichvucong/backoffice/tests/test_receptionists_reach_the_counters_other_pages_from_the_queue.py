"""A receptionist starts the day on the queue page: from there they reach
today's appointments and the bank statement's reconciliation, which are
theirs; other roles are not shown links they would be refused."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import QUEUES_URL


def _links(client, user) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    login_verified(client, user)
    page = client.get(QUEUES_URL).content.decode()
    return (
        f'href="{reverse("appointments_counter:today")}"' in page,
        f'href="{reverse("payments:statement")}"' in page,
    )


def test_the_receptionist_sees_both_and_each_opens(client, cast) -> None:
    assert _links(client, cast.receptionist_a) == (True, True)
    assert client.get(reverse("appointments_counter:today")).status_code == 200
    assert client.get(reverse("payments:statement")).status_code == 200


def test_a_specialist_is_not_offered_them(client, cast) -> None:
    assert _links(client, cast.specialist_a) == (False, False)
