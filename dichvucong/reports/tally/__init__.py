"""The statistics kept counted as dossiers change (issue 13 point 3), so
the public page, the 766 indicators and the open data cost the same at a
thousand dossiers or at a million.

- contribution.py: what one dossier adds, the rules of statistics.py for
  one dossier;
- recording.py: the difference written in the transaction of each change;
- compaction.py: the waiting entries moved into day and month sums;
- reading.py: statistics.table's rows from those sums;
- rebuild.py: everything counted again (`manage.py rebuild_statistics`).

statistics.py stays the definition: the tests compare both after every
kind of change, and reports fall back to it until the counts are built."""

from __future__ import annotations

from django.db import connections

from dichvucong.reports.models import TallyEntry, TallyState
from dichvucong.reports.tally import compaction
from dichvucong.reports.tally.reading import Selection, table

__all__ = ["Selection", "ready", "table"]

# Entries waiting beyond this are moved before reading (compaction.py):
# with Celery beat running they never get there.
COMPACT_ON_READ = 5_000


def ready() -> bool:
    """Whether the kept counts hold every dossier; if many entries wait,
    they are moved first. One query on the primary keys."""
    connection = connections["default"]
    state, entry = (connection.ops.quote_name(m._meta.db_table) for m in (TallyState, TallyEntry))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT built, (SELECT MIN(id) FROM {entry}), (SELECT MAX(id) FROM {entry}) "  # noqa: S608
            f"FROM {state} WHERE id = 1"
        )
        found = cursor.fetchone()
    if found is None:
        return _state_restored()
    if not found[0]:
        return False
    if found[1] is not None and found[2] - found[1] >= COMPACT_ON_READ:
        compaction.compact_all()
    return True


def _state_restored() -> bool:
    """The state row is gone: only a test database emptied between tests
    loses it (the migration makes it, nothing deletes it). Every change
    since was recorded, so the counts are whole."""
    state, _created = TallyState.objects.get_or_create(pk=1, defaults={"built": True})
    return state.built
