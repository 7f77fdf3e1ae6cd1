"""Reports and exports may read from a PostgreSQL replica.

With DATABASE_REPLICA_URL set (a streaming replica of DATABASE_URL's
database), the alias "replica" exists and the code that only counts and
lists, the statistics page, its downloads, the open data and the year-end
outreach report, runs inside `replica_reads()`: its queries go to the
replica, so a scan of a million dossiers does not take the primary's time
from the people submitting. Everything else, and anything inside a
transaction (which must see its own writes and lock real rows), reads from
the primary. Writes always go to the primary and migrations never run on
the replica. Without DATABASE_REPLICA_URL every query goes to "default".

A replica is a moment behind: a report may miss what was committed in the
last second, never a person's own change (their pages read the primary).
Who is asking (sessions, accounts, second-factor devices) is always read
from the primary, so a new log-in works on a report page at once.

Imports nothing of the project, so every app may use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# Who is asking, read on every request: never a moment behind.
PRIMARY_ONLY_APPS = frozenset({"sessions", "accounts", "auth", "otp_totp", "otp_static"})

_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)


def reporting_db() -> str:
    """The alias reports read from: "replica" when one is configured."""
    return REPLICA if REPLICA in settings.DATABASES else DEFAULT_DB_ALIAS


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads inside go to reporting_db(); also a decorator for a view."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


class PrimaryReplicaRouter:
    """settings.DATABASE_ROUTERS: the rules of the module docstring."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if not _replica_reads.get() or model._meta.app_label in PRIMARY_ONLY_APPS:
            return None  # Django's own choice: the instance's database, else default
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return reporting_db()

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # Both aliases hold the same rows.
        return {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA, None}

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA
