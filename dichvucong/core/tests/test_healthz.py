from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import ConnectionHandler
from django.urls import reverse

from dichvucong.core import views


@pytest.fixture
def unreachable_database(tmp_path: Path) -> Iterator[BaseDatabaseWrapper]:
    """A real connection to a database that cannot be opened: SQLite is
    asked for a file in a folder that does not exist, so the driver itself
    fails, whatever database the rest of the suite runs on."""
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path / "no-such-folder" / "db.sqlite3"),
            }
        }
    )
    broken = handler["default"]
    yield broken
    broken.close()


def test_healthz_is_ok_when_the_database_answers(db, client):
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_the_database_cannot_be_reached(
    db, client, monkeypatch, unreachable_database
):
    monkeypatch.setattr(views, "connection", unreachable_database)
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}
