"""A second `load_demo` changes nothing: the demo issues results for the
latest finished dossiers, and when several were approved at the same
minute (the demo approves at 08:30) the same ones must be chosen every
time, whatever order the database keeps equal rows in."""

from __future__ import annotations

import pytest
from django.utils import timezone

from dichvucong.demo.results import ISSUED_IN_DEMO, latest_finished
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_cast, make_dossier

pytestmark = pytest.mark.django_db


def test_dossiers_approved_at_the_same_minute_are_chosen_by_their_id() -> None:
    cast = make_cast()
    dossiers = [make_dossier(cast, Status.RESOLVED) for _ in range(ISSUED_IN_DEMO + 2)]
    same_minute = timezone.now().replace(second=0, microsecond=0)
    # Not the demo citizen's (the cast's applicant): theirs are always chosen.
    Dossier.objects.update(resolved_at=same_minute, applicant=cast.other_applicant)
    # The oldest rewritten last: on PostgreSQL its row now lies at the end.
    Dossier.objects.filter(pk=dossiers[0].pk).update(resolved_at=same_minute)

    chosen = {dossier.pk for dossier in latest_finished()}

    newest = sorted(dossier.pk for dossier in dossiers)[-ISSUED_IN_DEMO:]
    assert chosen == set(newest)
    assert {dossier.pk for dossier in latest_finished()} == chosen
