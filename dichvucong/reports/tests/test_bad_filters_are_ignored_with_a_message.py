"""Whatever is typed into the address bar, the page answers, never a 500."""

from __future__ import annotations

import pytest

from dichvucong.reports.statistics import Period

BAD = [
    {"nam": "abc"},
    {"nam": "1900"},
    {"thang": "13"},
    {"tu_ngay": "31/02/2025"},
    {"tu_ngay": "2025-01-01"},
    {"den_ngay": "hôm qua"},
    {"co_quan": "999999"},
    {"co_quan": "'; drop table"},
    {"dia_ban": "-1"},
    {"tu_ngay": "01/06/2025", "den_ngay": "01/01/2025"},
    {"tu_ngay": "01/01/2000", "den_ngay": "01/01/2025"},
    {"tu_ngay": "01/01/2001"},
    {"den_ngay": "31/12/9999"},
    {"tu_ngay": "01/01/0001", "den_ngay": "02/01/0001"},
]


@pytest.mark.parametrize("query", BAD)
def test_a_bad_value_is_dropped_and_named(client, world, frozen, query):
    response = client.get("/thong-ke/", query)
    assert response.status_code == 200
    assert "Một số điều kiện lọc không hợp lệ nên đã được bỏ qua" in response.content.decode()
    assert response.context["period"] == Period(
        frozen.replace(month=1, day=1), frozen.replace(month=12, day=31)
    )


def test_the_good_values_still_apply(client, world, frozen):
    response = client.get("/thong-ke/", {"nam": "2024", "thang": "xx"})
    assert response.context["period"].label == "01/01/2024 – 31/12/2024"


@pytest.mark.parametrize(
    "query",
    [
        {"format": "pdf", "bang": "co-quan"},
        {"format": "csv", "bang": "khong-co"},
        {"format": "xlsx"},
    ],
)
def test_a_bad_download_request_shows_the_page_with_a_message(client, world, query):
    response = client.get("/thong-ke/", query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Một số điều kiện lọc không hợp lệ" in response.content.decode()


@pytest.mark.parametrize("url", ["/du-lieu-mo/thong-ke.json", "/du-lieu-mo/thong-ke.csv"])
def test_open_data_ignores_bad_values_too(client, world, url):
    response = client.get(url, {"nam": "x", "tu_ngay": "99/99/9999", "co_quan": "x"})
    assert response.status_code == 200
    if url.endswith(".json"):
        assert len(response.json()["canh_bao"]) == 3


def test_only_get_is_allowed(client, db):
    assert client.post("/thong-ke/").status_code == 405
