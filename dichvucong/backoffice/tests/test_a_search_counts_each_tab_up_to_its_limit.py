"""A search's tabs stop counting at SEARCH_SHOWN and say "+": a word as
common as a procedure's name matches half of the work in progress, and
each match is a row read. Without a search the tabs of work in progress
stay exact, whatever their size."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice import queues
from dichvucong.backoffice.tests.helpers import QUEUES_URL
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


@pytest.fixture
def small_limits(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(queues, "SEARCH_SHOWN", 2)
    monkeypatch.setattr(queues, "HISTORY_SHOWN", 3)
    monkeypatch.setattr(queues, "PAGE_SIZE", 2)


@pytest.fixture
def four_new_and_one_in_supplement(cast):  # type: ignore[no-untyped-def]
    for _ in range(4):
        make_dossier(cast, Status.SUBMITTED)
    make_dossier(cast, Status.SUPPLEMENT)


def test_a_search_caps_every_tab_and_says_to_search_more_precisely(
    client, cast, small_limits, four_new_and_one_in_supplement
) -> None:
    login_verified(client, cast.receptionist_a)
    name = cast.applicant.full_name.split()[-1]
    response = client.get(QUEUES_URL, {"queue": "new", "q": name})
    listing = response.context["listing"]
    tabs = dict(listing.tabs)
    assert tabs["new"] == 2 and "new" in listing.more_than_shown
    assert tabs["supplement"] == 1 and "supplement" not in listing.more_than_shown
    page = response.content.decode()
    assert '<span class="count">2+</span>' in page
    assert "2 hồ sơ đầu tiên" in page and "Hãy tìm cụ thể hơn" in page
    assert "gần nhất" not in page
    assert "Trang 1/1" in page or not listing.page.has_next()


def test_without_a_search_work_in_progress_is_counted_exactly(
    client, cast, small_limits, four_new_and_one_in_supplement
) -> None:
    login_verified(client, cast.receptionist_a)
    response = client.get(QUEUES_URL, {"queue": "new"})
    listing = response.context["listing"]
    assert dict(listing.tabs)["new"] == 4 and not listing.more_than_shown
    assert len(listing.rows) == 2 and listing.page.has_next()
    assert "đầu tiên" not in response.content.decode()
