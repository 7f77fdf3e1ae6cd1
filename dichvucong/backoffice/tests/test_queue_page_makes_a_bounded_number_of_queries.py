"""The queue page costs the same few queries for 3 dossiers or 30."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import QUEUES_URL
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

# Session, user, roles, agencies, calendar, procedures for the filter,
# the counts of every queue in one query (history up to HISTORY_SHOWN +
# 1), page rows: eight; five for the main menu
# (core.navigation: ambassador row, outreach roles, wards, the dashboard's
# led and staffed agencies); plus three for
# the session limits middleware saving the session (savepoint, update,
# release); one for the second factor's device, which django-otp reads on
# each request to check the session's verification still holds.
MAX_QUERIES = 17


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
