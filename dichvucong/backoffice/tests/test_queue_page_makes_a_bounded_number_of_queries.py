"""The queue page costs the same few queries for 3 dossiers or 30."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import QUEUES_URL
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import add_former_wards, former_dossier, make_dossier

# Session, user, the roles (read once for the door, the lists and the
# menu: accounts/roles.py), agencies, calendar, procedures for the filter,
# the counts of every queue in one query (history up to HISTORY_SHOWN +
# 1), page rows: eight; two for the main menu (core.navigation: ambassador
# row, wards); one for the second factor's device, which django-otp reads
# on each request to check the session's verification still holds: 11 to
# 12. Each rule asking for the roles itself was 17.
MAX_QUERIES = 12
# For staff whose ward took over others: reports.unitmap's catalogue, read
# once per request (dossiers.access.reach).
MAP_QUERIES = 4


@pytest.fixture
def thirty(cast):  # type: ignore[no-untyped-def]
    made = []
    for index in range(30):
        dossier = make_dossier(cast, Status.PROCESSING if index % 3 else Status.ACCEPTED)
        if dossier.status == Status.PROCESSING and index % 4 == 1:
            lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
        made.append(dossier)
    return made


@pytest.mark.parametrize(
    "params",
    [
        {"queue": "processing"},
        {"queue": "processing", "q": "nguyen khai sinh", "mine": "1"},
        {"queue": "overdue"},
        {"queue": "processing", "page": "2"},
        {"queue": "done", "page": "3"},
    ],
)
def test_queue_page_query_count_is_bounded(
    client, cast, thirty, params, django_assert_max_num_queries
) -> None:
    login_verified(client, cast.leader_a)
    client.get(QUEUES_URL)  # the session's first request may write it
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(QUEUES_URL, params)
    assert response.status_code == 200


def test_thirty_dossiers_fill_a_page_of_twenty_five_and_a_second_of_five(
    client, cast, thirty
) -> None:
    login_verified(client, cast.leader_a)
    first = client.get(QUEUES_URL, {"queue": "processing"})
    second = client.get(QUEUES_URL, {"queue": "processing", "page": "2"})
    first_codes = [row.dossier.code for row in first.context["listing"].rows]
    second_codes = [row.dossier.code for row in second.context["listing"].rows]
    assert (len(first_codes), len(second_codes)) == (25, 5)
    assert set(first_codes) | set(second_codes) == {dossier.code for dossier in thirty}
    assert 'rel="next"' in first.content.decode()
    assert "Trang 2/2" in second.content.decode()
    assert client.get(QUEUES_URL, {"queue": "processing", "page": "99"}).status_code == 200


def _queries(client, params) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        response = client.get(QUEUES_URL, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("queue", ["closed", "processing"])
def test_the_history_taken_over_costs_the_maps_few_queries_at_any_size(
    client, cast, queue
) -> None:
    """Ward A took over a merged ward and part of a split one
    (testing.add_former_wards): the map is read once per request, whatever
    the number of the history's dossiers."""
    former = add_former_wards(cast)
    login_verified(client, cast.leader_a)
    client.get(QUEUES_URL)
    counts = []
    for size in (2, 12):
        while Dossier.objects.filter(agency__in=[former.merged, former.split]).count() < size:
            former_dossier(cast, former.merged)
            former_dossier(cast, former.split, former.resident_to_a)
        counts.append(_queries(client, {"queue": queue}))
    assert counts[0] == counts[1] <= MAX_QUERIES + MAP_QUERIES
