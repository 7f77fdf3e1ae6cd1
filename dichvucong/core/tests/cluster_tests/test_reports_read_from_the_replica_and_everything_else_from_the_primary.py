"""With a replica (DATABASE_REPLICA_URL; here the test database itself
under the alias "replica", as in settings_test), the open data and the
year-end outreach report count on the replica, while writes, reads inside
a transaction and who is asking stay on the primary, and migrations never
run on the replica (dichvucong/dbrouting.py). PostgreSQL only: replicas
are PostgreSQL's."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.db import connections, router, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.dbrouting import REPLICA, replica_reads, reporting_db
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_cast, make_dossier
from dichvucong.outreach import report
from dichvucong.outreach.tests.cast import make_outreach_cast

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        REPLICA not in settings.DATABASES,
        reason="the test replica is configured on PostgreSQL only (settings_test)",
    ),
    pytest.mark.django_db(transaction=True, databases=["default", REPLICA]),
]


@pytest.fixture(autouse=True)
def computed_afresh(settings: Any) -> None:
    settings.REPORTS_CACHE_SECONDS = 0  # figures computed, not taken from the cache


def _tables(context: CaptureQueriesContext) -> str:
    return " ".join(query["sql"] for query in context.captured_queries)


def test_the_open_data_counts_dossiers_on_the_replica(client: Any) -> None:
    cast = make_cast()
    make_dossier(cast, Status.RESOLVED)
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        answer = client.get(reverse("reports:open_data_json"))
    assert answer.status_code == 200
    assert sum(row["da_giai_quyet"] for row in answer.json()["du_lieu"]) == 1
    # The figures are read from the kept counts (reports/tally), on the replica.
    assert "reports_monthtally" in _tables(replica)
    assert "reports_monthtally" not in _tables(primary)
    assert "dossiers_dossier" not in _tables(primary)


def test_the_live_year_end_report_counts_on_the_replica() -> None:
    cast = make_outreach_cast()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        _row, live = report.current_report(cast.campaign)
    assert [school.name for school in live.schools]
    assert "outreach_pupil" in _tables(replica)
    assert "outreach_pupil" not in _tables(primary)


def test_writes_transactions_and_accounts_stay_on_the_primary() -> None:
    cast = make_cast()
    make_dossier(cast)
    assert reporting_db() == REPLICA
    with replica_reads():
        dossier = Dossier.objects.get()
        assert dossier._state.db == REPLICA
        assert User.objects.filter(pk=cast.applicant.pk).get()._state.db == "default"
        with transaction.atomic():
            assert Dossier.objects.get()._state.db == "default"
        with CaptureQueriesContext(connections[REPLICA]) as replica:
            dossier.applicant_email = "moi@example.vn"
            dossier.save(update_fields=["applicant_email"])
    assert replica.captured_queries == []
    assert Dossier.objects.get().applicant_email == "moi@example.vn"
    assert Dossier.objects.get()._state.db == "default"  # outside: the primary


def test_migrations_never_run_on_the_replica() -> None:
    assert router.allow_migrate("default", "dossiers")
    assert not router.allow_migrate(REPLICA, "dossiers")
