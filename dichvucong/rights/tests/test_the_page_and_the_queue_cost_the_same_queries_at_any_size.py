from __future__ import annotations

import pytest
from django.utils import timezone

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_dossier
from dichvucong.rights.models import RightsRequest
from dichvucong.rights.tests.helpers import filed

PAGE_BUDGET = 20
QUEUE_BUDGET = 13


def _dossiers(cast, count: int) -> None:  # type: ignore[no-untyped-def]
    """`count` accepted dossiers and as many requests, one of them answered."""
    for _ in range(count):
        lifecycle.accept(make_dossier(cast), cast.receptionist_a)
        filed(cast)
    answered = RightsRequest.objects.first()
    RightsRequest.objects.filter(pk=answered.pk).update(
        status="refused", answer="Không", reasons="Không", answered_at=timezone.now()
    )


@pytest.mark.parametrize("count", [1, 6])
def test_my_data_page_and_downloads_stay_within_budget(
    client, cast, count, django_assert_max_num_queries
):
    _dossiers(cast, count)
    client.force_login(cast.applicant)
    for url in ("", "tai-ve.zip", "ban-in.pdf"):
        with django_assert_max_num_queries(PAGE_BUDGET):
            assert client.get(f"/tai-khoan/du-lieu-cua-toi/{url}").status_code == 200


@pytest.mark.parametrize("count", [1, 6])
def test_the_queue_stays_within_budget(
    client, cast, administrator, count, django_assert_max_num_queries
):
    _dossiers(cast, count)
    login_verified(client, administrator)
    with django_assert_max_num_queries(QUEUE_BUDGET):
        assert client.get("/quyen-du-lieu/").status_code == 200
