"""Paging through "my dossiers" gives one fixed order, even when several
were created at the same instant (an import, a generated district): the
newest first, then by id. Without the id, PostgreSQL returned equal rows
in the order they lie on disk, and nothing promises that two queries with
different offsets agree on it, so a page could repeat or skip a row."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from dichvucong.api.tests.helpers import API
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_draft


def test_each_dossier_is_on_exactly_one_page_in_a_fixed_order(client: Client, cast: Cast) -> None:
    drafts = [make_draft(cast) for _ in range(5)]
    same_instant = timezone.now()
    Dossier.objects.update(created_at=same_instant)
    # The oldest rewritten last: on PostgreSQL its row now lies at the end.
    Dossier.objects.filter(pk=drafts[0].pk).update(created_at=same_instant)
    client.force_login(cast.applicant)

    seen = []
    for page in (1, 2, 3):
        body = client.get(f"{API}/applicant/dossiers", {"page": page, "page_size": 2}).json()
        seen += [item["id"] for item in body["items"]]

    assert sorted(seen) == sorted(str(draft.public_id) for draft in drafts)
    by_id = sorted(drafts, key=lambda draft: draft.pk, reverse=True)
    assert seen == [str(draft.public_id) for draft in by_id]
