"""Public figures are computed once per few minutes and filter set; the
staff dashboard always counts afresh."""

from __future__ import annotations

from django.core.cache import cache

from dichvucong.accounts.testing import login_verified
from dichvucong.reports.testing import generate
from dichvucong.reports.tests.test_query_count_is_bounded import queries


def test_a_second_visit_reuses_the_figures_until_they_expire(client, world, frozen, settings):
    settings.REPORTS_CACHE_SECONDS = 300
    cache.clear()
    try:
        first = client.get("/thong-ke/", {"nam": "2025"})
        cold = queries(client, "/thong-ke/", {"nam": "2024"})
        warm = queries(client, "/thong-ke/", {"nam": "2024"})
        assert warm < cold
        generate(world, 30, today=frozen, seed=3)
        again = client.get("/thong-ke/", {"nam": "2025"})
        assert again.context["totals"] == first.context["totals"]
        cache.clear()
        fresh = client.get("/thong-ke/", {"nam": "2025"})
        assert fresh.context["totals"].received > first.context["totals"].received
    finally:
        cache.clear()


def test_the_dashboard_is_never_cached(client, cast, world, frozen, settings):
    settings.REPORTS_CACHE_SECONDS = 300
    cache.clear()
    try:
        login_verified(client, cast.leader_a)
        before = client.get("/thong-ke/noi-bo/").context["totals"].received
        generate(world, 30, today=frozen, seed=4)
        after = client.get("/thong-ke/noi-bo/").context["totals"].received
        assert after > before
    finally:
        cache.clear()
