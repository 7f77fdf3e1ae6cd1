"""A dossier's lock is its own row only. Locking through select_related
used to lock the procedure and agency too, rows shared by every dossier of
a ward: every save, upload and status change of a procedure queued behind
each other and crossed in deadlocks with new drafts (HTTP 500 for 4–31 %
of requests at 6–30 gunicorn workers). PostgreSQL only: SQLite has no row
locks."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from dichvucong.catalogue.models import Agency, Procedure
from dichvucong.dossiers import submission
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_cast, make_draft


def _holding_lock(dossier: Dossier, held: threading.Event, release: threading.Event) -> None:
    try:
        with transaction.atomic():
            lock_dossier(dossier, "procedure", "agency")
            held.set()
            release.wait(30)
    finally:
        connections.close_all()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_while_a_dossier_is_locked_its_procedure_and_agency_are_not() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks exist on PostgreSQL only")
    cast = make_cast()
    dossier = make_draft(cast)
    held, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_holding_lock, args=(dossier, held, release))
    holder.start()
    try:
        assert held.wait(30)
        with transaction.atomic():
            # NOWAIT: an error at once if another transaction holds the row.
            Procedure.objects.select_for_update(nowait=True).get(pk=cast.procedure.pk)
            Agency.objects.select_for_update(nowait=True).get(pk=cast.agency_a.pk)
        # Another citizen's draft of the same procedure and ward goes in at once.
        with transaction.atomic():
            connection.cursor().execute("SET LOCAL lock_timeout = '500ms'")
            other = submission.start_draft(cast.other_applicant, cast.procedure, cast.ward_a)
        assert other.agency == cast.agency_a
        # The dossier itself is held: a second lock must wait (here: fail).
        with pytest.raises(Exception, match="could not obtain lock"), transaction.atomic():
            Dossier.objects.select_for_update(nowait=True).get(pk=dossier.pk)
    finally:
        release.set()
        holder.join(30)
