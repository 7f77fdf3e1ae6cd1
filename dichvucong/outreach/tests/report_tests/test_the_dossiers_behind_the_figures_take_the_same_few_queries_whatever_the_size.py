"""The drill-down pages cost the same few queries for a handful of
dossiers or more than a page of them, live and frozen: a page holds at
most PAGE_SIZE dossiers."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import report, report_detail
from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.tests.report_tests.generated import HOUSEHOLDS, assist

# Session, user, device, scope (4), campaign, report, schools, two lists
# (count and page each), and the site's navigation (5): none grows with data.
MAX_QUERIES = 20


def _url(world) -> str:
    return (
        f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/ho-so/truong/{world.oc.school_a.pk}/"
    )


def _grow(world) -> None:
    """More successful dossiers for school A than a page holds."""
    ambassador = Ambassador.objects.filter(
        campaign=world.campaign, school_class__school=world.oc.school_a
    ).first()
    for n in range(report_detail.PAGE_SIZE + 1):
        assist(world, ambassador, "returned", HOUSEHOLDS[n % len(HOUSEHOLDS)])


@pytest.mark.parametrize("frozen", [False, True])
def test_the_page_takes_a_bounded_number_of_queries(
    world, client, django_assert_max_num_queries, frozen
):
    login_verified(client, world.oc.education)  # names: the larger query
    if frozen:
        report.submit(world.campaign, world.oc.education)
    with django_assert_max_num_queries(MAX_QUERIES):
        small = client.get(_url(world))
    assert small.status_code == 200 and len(small.context["detail"].counted.lines) < 10
    if frozen:
        report.send_back(world.campaign, world.oc.leadership, "Thêm hồ sơ")
    _grow(world)
    if frozen:
        report.submit(world.campaign, world.oc.education)
    with django_assert_max_num_queries(MAX_QUERIES):
        large = client.get(_url(world) + "?trang=2")
    counted = large.context["detail"].counted
    assert counted.page.paginator.count > report_detail.PAGE_SIZE
    assert 0 < len(counted.lines) <= report_detail.PAGE_SIZE and counted.page.number == 2
