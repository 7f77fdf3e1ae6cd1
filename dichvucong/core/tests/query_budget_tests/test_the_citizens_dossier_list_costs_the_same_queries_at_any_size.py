"""/ho-so/ costs the same queries for a citizen with a few dossiers as for
one with many (an organisation's list), on every page of it, and shows
at most one page of each list."""

from __future__ import annotations

from dichvucong.core.tests.query_budget_tests.sizes import (
    drafts,
    grow,
    logged_in,
    page_queries,
    small,
)
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.views.mine import PAGE_SIZE

URL = "/ho-so/"
# Seven today on either database (session and user; each list's count
# and page; the menu), one to spare.
BUDGET = 8


def test_the_citizens_dossier_list_costs_the_same_queries_at_any_size(client, cast) -> None:
    data = small(cast)
    logged_in(client, cast.applicant)
    few = [page_queries(client, URL), page_queries(client, URL, {"trang": "2"})]
    grow(data)
    drafts(cast, 3 * PAGE_SIZE)
    many = [page_queries(client, URL), page_queries(client, URL, {"trang": "2"})]
    print(f"{URL}: {few} / {many}")
    assert few == many, (few, many)
    assert max(many) <= BUDGET


def test_a_big_list_shows_one_page_of_each_list_and_the_pagers_reach_every_row(
    client, cast
) -> None:
    grow(small(cast))
    drafts(cast, PAGE_SIZE)
    logged_in(client, cast.applicant)
    first = client.get(URL)
    unsent, submitted = first.context["drafts"], first.context["page"]
    assert len(unsent.object_list) == len(submitted.object_list) == PAGE_SIZE
    seen = {d.pk for page in (unsent, submitted) for d in page.object_list}
    for number in range(2, unsent.paginator.num_pages + 1):
        page = client.get(URL, {"trang-nhap": number, "trang": 2}).context["drafts"]
        seen |= {d.pk for d in page.object_list}
    for number in range(2, submitted.paginator.num_pages + 1):
        seen |= {d.pk for d in client.get(URL, {"trang": number}).context["page"].object_list}
    assert seen == set(
        Dossier.objects.filter(applicant=cast.applicant, is_practice=False).values_list(
            "pk", flat=True
        )
    )
    assert "Trang sau" in first.content.decode()
    assert "trang-nhap=2" in first.content.decode()
