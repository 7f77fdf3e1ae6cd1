"""A dossier's status change (through the real lifecycle) or a new rating
makes the next request for the statistics page, the open data and the
public API build them afresh under a new ETag, the figures cache included."""

from __future__ import annotations

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.feedback.models import Rating

STATISTICS = [
    "/thong-ke/",
    "/du-lieu-mo/thong-ke.csv",
    "/api/v1/statistics/public/tables?dimension=agency",
    "/api/v1/statistics/public/indicators",
]
OPEN_DATA = "/du-lieu-mo/thong-ke.json"


def _etags(client) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {path: client.get(path)["ETag"] for path in [*STATISTICS, OPEN_DATA]}


def test_a_submission_shows_at_once_in_the_statistics(client, cast) -> None:
    etag = client.get("/thong-ke/")["ETag"]
    assert client.get("/thong-ke/", headers={"If-None-Match": etag}).status_code == 304
    make_dossier(cast, Status.SUBMITTED)  # through the real lifecycle
    page = client.get("/thong-ke/", headers={"If-None-Match": etag})
    assert page.status_code == 200 and page.context["totals"].received == 1


def test_any_status_change_gives_the_statistics_a_new_etag(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    before = _etags(client)
    lifecycle.accept(dossier, cast.receptionist_a)
    after = _etags(client)
    assert all(after[path] != before[path] for path in before)


def test_a_rating_makes_the_statistics_fresh(client, cast) -> None:
    dossier = make_dossier(cast, Status.RETURNED)
    before = _etags(client)
    Rating.objects.create(dossier=dossier, level=5)
    after = _etags(client)
    assert all(after[path] != before[path] for path in before)


def test_a_statistics_change_leaves_the_catalogue_pages_as_they_were(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    etag = client.get("/thu-tuc/")["ETag"]
    lifecycle.accept(dossier, cast.receptionist_a)
    assert client.get("/thu-tuc/", headers={"If-None-Match": etag}).status_code == 304
