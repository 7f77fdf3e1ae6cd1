"""The request being served, for records made deep below the view.

A staff action is recorded where it happens (the dossier event log, the
admin's history, a password being set), and those places are not handed
the request: they only know who acted. AuditMiddleware binds the request
here for its duration, so `service.record` can still say from which
address it came, and can tell the middleware that the request left a
record of its own. A context variable is per thread and per asyncio task,
so concurrent requests never see each other's; outside a request
(management commands, a Celery worker) there is none.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass
class Scope:
    request: HttpRequest
    recorded: int = 0  # audit entries written while serving it


_scope: ContextVar[Scope | None] = ContextVar("dichvucong_audit_scope", default=None)


@contextmanager
def serving(request: HttpRequest) -> Iterator[Scope]:
    scope = Scope(request)
    token = _scope.set(scope)
    try:
        yield scope
    finally:
        _scope.reset(token)


def current_request() -> HttpRequest | None:
    scope = _scope.get()
    return scope.request if scope is not None else None


def note_recorded(request: HttpRequest | None) -> None:
    """Count an entry against the request being served, if it is that one."""
    scope = _scope.get()
    if scope is not None and (request is None or request is scope.request):
        scope.recorded += 1
