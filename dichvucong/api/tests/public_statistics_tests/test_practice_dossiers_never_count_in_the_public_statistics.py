"""A practice dossier is never a dossier: turning real dossiers into
practice ones takes exactly them out of every public figure."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.utils import timezone

from dichvucong.api.tests.helpers import API
from dichvucong.dossiers.models import Dossier
from dichvucong.reports.tally.rebuild import rebuild
from dichvucong.reports.testing import World

URL = f"{API}/statistics/public/tables"


def received_this_year(client: Client) -> int:
    body = client.get(URL, {"dimension": "agency"}).json()
    return int(body["total"]["received"])


def test_the_generated_practice_dossiers_are_not_counted(
    client: Client, world: World, frozen: date
) -> None:
    this_year = [
        d
        for d in Dossier.objects.filter(submitted_at__isnull=False)
        if timezone.localdate(d.submitted_at).year == 2025
    ]
    assert any(d.is_practice for d in this_year)
    assert received_this_year(client) == sum(1 for d in this_year if not d.is_practice)


def test_real_dossiers_made_practice_drop_out(client: Client, world: World, frozen: date) -> None:
    before = received_this_year(client)
    start = timezone.make_aware(timezone.datetime(2025, 1, 1))
    chosen = list(
        Dossier.objects.filter(is_practice=False, submitted_at__gte=start).values_list(
            "pk", flat=True
        )[:7]
    )
    assert len(chosen) == 7
    # Changed around the application (no operation makes a real dossier a
    # practice run): the kept counts are rebuilt, as the README says.
    Dossier.objects.filter(pk__in=chosen).update(is_practice=True)
    rebuild()
    assert received_this_year(client) == before - 7
    indicators = client.get(f"{API}/statistics/public/indicators").json()["indicators"]
    online = next(i for i in indicators if i["key"] == "online_service")
    assert online["denominator"] < before
