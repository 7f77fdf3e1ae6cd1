"""Where the page /thong-ke/ drops a bad filter with a message, the API
refuses it: 422 in the one error shape, naming the parameter, with a
stable code and a Vietnamese message. Dates the page cannot handle are
refused too, not a 500."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from dichvucong.api.tests.helpers import API, assert_error
from dichvucong.dossiers.testing import Cast

URL = f"{API}/statistics/public/tables"

BAD = [
    # (query, field, code of the item)
    ({"co_quan": "999999"}, "co_quan", "invalid_choice"),
    ({"dia_ban": "999999"}, "dia_ban", "invalid_choice"),
    ({"co_quan": "abc"}, "co_quan", "int_parsing"),
    ({"nam": "1990"}, "nam", "invalid_choice"),
    ({"thang": "13"}, "thang", "less_than_equal"),
    ({"tu_ngay": "2025-01-01"}, "tu_ngay", "invalid"),
    ({"den_ngay": "31/02/2025"}, "den_ngay", "invalid"),
    ({"den_ngay": "31/12/9999"}, "den_ngay", "out_of_range"),
    ({"tu_ngay": "01/01/0001", "den_ngay": "02/01/0001"}, "tu_ngay", "out_of_range"),
    ({"tu_ngay": "10/02/2025", "den_ngay": "15/12/2024"}, None, "invalid_period"),
    ({"tu_ngay": "01/01/2015", "den_ngay": "01/01/2025"}, None, "invalid_period"),
]


@pytest.mark.parametrize(("query", "field", "code"), BAD)
def test_a_bad_filter_is_422_naming_it(
    client: Client, cast: Cast, frozen: date, query: dict[str, Any], field: str | None, code: str
) -> None:
    for url, extra in ((URL, {"dimension": "agency"}), (f"{API}/statistics/public/indicators", {})):
        body = assert_error(client.get(url, {**query, **extra}), 422, "invalid", field)
        assert body["errors"][0] == {"field": field, "code": code, "message": body["message"]}


def test_the_message_names_the_filter_in_vietnamese(
    client: Client, cast: Cast, frozen: date
) -> None:
    body = client.get(URL, {"dimension": "agency", "co_quan": "999999"}).json()
    assert body["message"].startswith("Cơ quan: ")
    body = client.get(
        URL, {"dimension": "agency", "tu_ngay": "10/02/2025", "den_ngay": "15/12/2024"}
    ).json()
    assert body["message"] == "“Từ ngày” phải trước hoặc bằng “Đến ngày”."


def test_an_unknown_or_missing_dimension_is_422(client: Client, cast: Cast, frozen: date) -> None:
    assert_error(client.get(URL, {"dimension": "city"}), 422, "invalid", "dimension")
    assert_error(client.get(URL), 422, "invalid", "dimension")


def test_good_filters_need_no_login(client: Client, cast: Cast, frozen: date) -> None:
    query = {"dimension": "agency", "co_quan": cast.agency_a.pk, "tu_ngay": "01/01/2025"}
    body = client.get(URL, query).json()
    assert body["agency"] == {
        "id": cast.agency_a.pk,
        "unit_code": "T.KM",
        "name": cast.agency_a.name,
    }
    assert body["period"] == {"start": "2025-01-01", "end": "2025-06-20", "as_of": "2025-06-20"}
