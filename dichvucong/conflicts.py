"""When concurrent requests collide in the database.

PostgreSQL aborts one of two transactions that wait on each other
(deadlock, 40P01) or that cannot be serialised (40001); SQLite answers
"database is locked" when its write lock does not come in time. Such a
transaction changed nothing and can simply run again. `operation` retries
it a few times with a short random pause; if it still collides the caller
gets `Busy`, which pages and the API answer with 503 and Retry-After —
never a 500 a client cannot tell from a real fault.

Only the outermost transaction can be retried: inside another atomic
block the whole outer transaction is already lost, so the error goes up
to the operation that opened it.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import OperationalError, transaction

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

# SQLSTATEs of a transaction the database gave up on, safe to run again.
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001", "55P03"})
ATTEMPTS = 4
RETRY_AFTER_SECONDS = 5


class Busy(Exception):
    """The operation kept colliding with others; try again shortly."""

    retry_after = RETRY_AFTER_SECONDS


def is_conflict(error: BaseException) -> bool:
    """A collision with another transaction, not a fault of ours."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if state is not None:
        return state in RETRYABLE_SQLSTATES
    return "database is locked" in str(error)


def _pause(attempt: int) -> None:
    # Random, growing pauses so the colliding transactions do not meet again.
    time.sleep(random.uniform(0.01, 0.05) * (2**attempt))


def retrying(func: Callable[P, R]) -> Callable[P, R]:
    """Run `func` again when the database aborts it for a collision."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if transaction.get_connection().in_atomic_block:
            return func(*args, **kwargs)
        for attempt in range(ATTEMPTS):
            try:
                return func(*args, **kwargs)
            except OperationalError as error:
                if not is_conflict(error):
                    raise
                logger.warning("%s collided (attempt %d): %s", func.__qualname__,
                               attempt + 1, type(error.__cause__).__name__)
                if attempt + 1 == ATTEMPTS:
                    raise Busy() from error
                _pause(attempt)
        raise AssertionError("unreachable")

    return wrapper


def operation(func: Callable[P, R]) -> Callable[P, R]:
    """One transaction, retried on collision: for every operation that
    changes shared rows."""
    return retrying(transaction.atomic(func))
