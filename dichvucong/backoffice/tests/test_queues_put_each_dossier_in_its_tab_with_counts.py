"""Each status has one home among the tabs, and each tab says how many."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import QUEUES_URL
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier, make_draft

HOMES = {
    "new": [Status.SUBMITTED],
    "processing": [Status.ACCEPTED, Status.PROCESSING],
    "supplement": [Status.SUPPLEMENT],
    "done": [Status.RESOLVED, Status.RETURNED],
    "closed": [Status.REFUSED, Status.WITHDRAWN, Status.STOPPED],
}


@pytest.fixture
def dossiers(cast):  # type: ignore[no-untyped-def]
    made = {
        status: make_dossier(cast, status) for statuses in HOMES.values() for status in statuses
    }
    make_draft(cast)  # a draft is not a dossier
    practice = make_draft(cast)
    practice.is_practice = True
    practice.save()
    lifecycle.submit(practice, cast.applicant)
    return made


def _codes(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {row.dossier.code for row in response.context["listing"].rows}


@pytest.mark.parametrize(("queue", "statuses"), HOMES.items())
def test_a_tab_lists_exactly_its_statuses(client, cast, dossiers, queue, statuses) -> None:
    login_verified(client, cast.receptionist_a)
    response = client.get(QUEUES_URL, {"queue": queue})
    assert _codes(response) == {dossiers[status].code for status in statuses}


def test_the_tabs_show_their_counts(client, cast, dossiers) -> None:
    login_verified(client, cast.leader_a)
    response = client.get(QUEUES_URL)
    counts = {tab.value: count for tab, count in response.context["listing"].tabs}
    assert counts == {
        "new": 1,
        "processing": 2,
        "supplement": 1,
        "due-soon": counts["due-soon"],
        "overdue": 0,
        "done": 2,
        "closed": 3,
    }
    page = response.content.decode()
    assert 'Chờ bổ sung <span class="count">1</span>' in page
    assert 'Đã đóng <span class="count">3</span>' in page


def test_reception_starts_on_new_dossiers_and_others_on_processing(client, cast, dossiers) -> None:
    login_verified(client, cast.receptionist_a)
    assert client.get(QUEUES_URL).context["listing"].queue == "new"
    login_verified(client, cast.specialist_a)
    assert client.get(QUEUES_URL).context["listing"].queue == "processing"


def test_an_unknown_tab_falls_back_to_the_default(client, cast, dossiers) -> None:
    login_verified(client, cast.receptionist_a)
    response = client.get(QUEUES_URL, {"queue": "<script>", "page": "abc"})
    assert response.status_code == 200
    assert response.context["listing"].queue == "new"


def test_ward_b_counts_nothing_of_ward_a(client, cast, dossiers) -> None:
    login_verified(client, cast.receptionist_b)
    counts = [count for _tab, count in client.get(QUEUES_URL).context["listing"].tabs]
    assert counts == [0] * 7
