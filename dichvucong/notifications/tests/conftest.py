from __future__ import annotations

import pytest

from dichvucong.dossiers.testing import Cast, make_cast


def pytest_configure(config: pytest.Config) -> None:
    # Until pyproject.toml lists it (the suite runs with --strict-markers).
    config.addinivalue_line(
        "markers", "celery: starts a real Celery worker (CELERY_TEST_BROKER_URL, PostgreSQL)"
    )


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()
