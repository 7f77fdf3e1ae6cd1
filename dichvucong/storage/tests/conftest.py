"""Fixtures of the core tests: an empty database to restore into."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

from dichvucong.storage.tests.backups import RESTORED


@pytest.fixture
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _create_postgres(name: str) -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')


def _drop_postgres(name: str) -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def restored_db(transactional_db: None, tmp_path: Path) -> Iterator[str]:
    """A second connection, "restored", to a new database with no table at
    all, of the same vendor as the test database: a fresh file on SQLite, a
    new database beside the test one on PostgreSQL (named after it, so each
    xdist worker has its own), dropped afterwards."""
    default = connections["default"].settings_dict
    postgres = connections["default"].vendor == "postgresql"
    name = f"{default['NAME']}_restored" if postgres else str(tmp_path / "restored.sqlite3")
    if postgres:
        _create_postgres(name)
    # Made by hand rather than added to settings.DATABASES, which the test
    # case has already read: Django's test isolation lets a connection it was
    # not told about through.
    wrapper = connections["default"].__class__({**default, "NAME": name}, RESTORED)
    connections[RESTORED] = wrapper
    try:
        yield RESTORED
    finally:
        wrapper.close()
        del connections[RESTORED]
        if postgres:
            _drop_postgres(name)
