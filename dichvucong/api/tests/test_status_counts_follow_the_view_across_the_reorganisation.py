"""Issue 15 point 3, the API's counts by status: by today's units (the
default, as the page's for a period up to today) a ward's key also counts
the dossiers of the wards it took over — a ward merged whole, and of a
split ward those of the residential groups that came to it, by
reports.unitmap; by the units of the time (cach_xem=tai-thoi-diem) only
its own. A bad cach_xem is a 422 naming it."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API, Keys, assert_error
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, add_former_wards, former_dossier, make_dossier

URL = f"{API}/statistics/status-counts"


def _counts(client: Client, key, view: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    query = {"cach_xem": view} if view else {}
    response = client.get(URL, query, **key.headers)
    assert response.status_code == 200, response.content
    body = response.json()
    body["counts"] = {row["status"]: row["count"] for row in body["by_status"]}
    return body


def test_a_wards_key_counts_what_it_took_over_today_and_its_own_at_the_time(
    client: Client, keys: Keys, cast: Cast
) -> None:
    make_dossier(cast, Status.SUBMITTED)
    former = add_former_wards(cast)
    former_dossier(cast, former.merged)
    former_dossier(cast, former.split, former.resident_to_a)
    former_dossier(cast, former.split, former.resident_to_b)
    former_dossier(cast, former.split, former.resident_to_b, Status.WITHDRAWN)

    default = _counts(client, keys.read_a)
    today = _counts(client, keys.read_a, "hien-nay")
    assert default == today and today["view"] == "hien-nay"
    of_the_time = _counts(client, keys.read_a, "tai-thoi-diem")
    assert of_the_time["view"] == "tai-thoi-diem"
    assert of_the_time["total"] == 1 and of_the_time["counts"][Status.REFUSED] == 0
    assert today["total"] == 3 and today["counts"][Status.REFUSED] == 2

    ward_b = _counts(client, keys.receptionist_b, "hien-nay")
    assert ward_b["counts"][Status.REFUSED] == 1 and ward_b["counts"][Status.WITHDRAWN] == 1
    assert _counts(client, keys.receptionist_b, "tai-thoi-diem")["total"] == 0


def test_a_bad_view_is_refused_naming_the_parameter(client: Client, keys: Keys) -> None:
    for value in ("", "today", "HIEN-NAY", "x" * 300):
        response = client.get(URL, {"cach_xem": value}, **keys.read_a.headers)
        assert_error(response, 422, "invalid", "cach_xem")
