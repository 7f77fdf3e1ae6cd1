"""The public page is for anyone, on any phone: no login, no script."""

from __future__ import annotations

import re


def test_anonymous_visitors_get_the_whole_page_with_no_script(client, world):
    response = client.get("/thong-ke/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script" not in html.lower()
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers either
    assert html.count("<svg") == 3
    assert 'name="viewport"' in html
    for heading in (
        "Theo cơ quan",
        "Theo địa bàn",
        "Theo lĩnh vực",
        "Theo thủ tục",
        "Theo tháng",
        "Theo năm",
        "Quyết định 766/QĐ-TTg",
    ):
        assert heading in html
    # Filters and downloads are plain links and a GET form.
    assert '<form method="get" action="/thong-ke/"' in html
    assert 'href="?format=xlsx&amp;bang=co-quan"' in html
    assert 'href="/du-lieu-mo/thong-ke.csv"' in html


def test_the_page_says_that_counter_submissions_are_not_recorded(client, world):
    html = client.get("/thong-ke/").content.decode()
    assert "chưa ghi nhận hồ sơ nộp trực tiếp tại Bộ phận Một cửa" in html


def test_an_empty_district_shows_dashes_not_errors(client, db):
    response = client.get("/thong-ke/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không có số liệu trong kỳ này." in html
    assert '<span class="kpi-value">—</span>' in html
