"""Locking a dossier row: the one way every operation takes it.

`FOR NO KEY UPDATE OF <dossier>` and nothing else:
- OF the dossier only: a lock taken through select_related would also
  lock the joined procedure and agency, shared by every dossier of a
  ward, so all writes of a procedure queued behind each other and crossed
  in deadlocks with the foreign-key checks of new drafts;
- NO KEY: new rows that point at the dossier (events, attachments,
  payments) take a KEY SHARE lock on it, which this does not block.

The lock order everywhere is: the dossier, then its own rows (payments),
then the shared counters (daily code sequence, receipt sequence), each
held only until the transaction ends. SQLite ignores row locks and
serialises writers itself.
"""

from __future__ import annotations

from typing import Any

from dichvucong.dossiers.models import Dossier


def lock_dossier(dossier: Dossier | Any, *related: str) -> Dossier:
    """A fresh copy of `dossier` (an instance or a primary key), its row
    locked until the caller's transaction ends; `related` are read along
    without being locked."""
    pk = getattr(dossier, "pk", dossier)
    rows = Dossier.objects.select_for_update(no_key=True, of=("self",))
    return rows.select_related(*related).get(pk=pk)
