"""A period with nothing received or resolved (a new year's first days, the
demo of 2017 seen today) points to the last year that has figures."""

from __future__ import annotations

import time_machine

from dichvucong.reports.tests.conftest import NOW


def test_next_year_shows_a_link_to_this_year(client, world, frozen):
    with time_machine.travel(NOW.replace(year=2026, month=2), tick=False):
        page = client.get("/thong-ke/").content.decode()
    assert "Năm gần nhất có số liệu là 2025" in page
    assert 'href="?nam=2025"' in page


def test_the_link_keeps_the_agency_filter(client, world, frozen):
    agency = world.agencies[0]
    with time_machine.travel(NOW.replace(year=2026, month=2), tick=False):
        page = client.get("/thong-ke/", {"co_quan": agency.pk}).content.decode()
    assert f'href="?nam=2025&amp;co_quan={agency.pk}"' in page


def test_a_year_with_figures_has_no_such_link(client, world, frozen):
    page = client.get("/thong-ke/").content.decode()
    assert "Năm gần nhất có số liệu" not in page


def test_nothing_earlier_means_no_link(client, world, frozen):
    page = client.get("/thong-ke/", {"nam": frozen.year - 5}).content.decode()
    assert "Năm gần nhất có số liệu" not in page
