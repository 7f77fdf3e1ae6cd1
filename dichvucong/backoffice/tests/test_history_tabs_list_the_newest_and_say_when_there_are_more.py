"""History (done, closed) grows for ever: its tabs count up to
HISTORY_SHOWN and then say "+", and page through the newest only, so the
queue page reads the same number of rows in the tenth year as in the
first. Work in progress is always counted exactly."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice import queues
from dichvucong.backoffice.tests.helpers import QUEUES_URL
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


@pytest.fixture
def small_history(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(queues, "HISTORY_SHOWN", 3)
    monkeypatch.setattr(queues, "PAGE_SIZE", 2)


def test_more_history_than_shown_reads_plus_and_pages_only_the_newest(
    client, cast, small_history
) -> None:
    for _ in range(5):
        make_dossier(cast, Status.RETURNED)
    for _ in range(2):
        make_dossier(cast, Status.REFUSED)
    for _ in range(4):
        make_dossier(cast, Status.PROCESSING)
    login_verified(client, cast.leader_a)

    response = client.get(QUEUES_URL, {"queue": "done"})
    listing = response.context["listing"]
    tabs = dict(listing.tabs)
    assert tabs["done"] == 3 and "done" in listing.more_than_shown
    assert tabs["closed"] == 2 and "closed" not in listing.more_than_shown
    assert tabs["processing"] == 4  # in progress: exact, never capped
    page = response.content.decode()
    assert '<span class="count">3+</span>' in page
    assert "3 hồ sơ gần nhất" in page
    assert "Trang 1/2" in page

    last = client.get(QUEUES_URL, {"queue": "done", "page": "2"}).context["listing"]
    assert len(last.rows) == 1 and not last.page.has_next()


def test_history_within_the_limit_is_counted_exactly(client, cast, small_history) -> None:
    for _ in range(3):
        make_dossier(cast, Status.RETURNED)
    login_verified(client, cast.leader_a)

    response = client.get(QUEUES_URL, {"queue": "done"})
    listing = response.context["listing"]
    assert dict(listing.tabs)["done"] == 3 and not listing.more_than_shown
    assert "gần nhất" not in response.content.decode()
