from __future__ import annotations

import pytest
from django.core.cache import cache

from dichvucong.dossiers.testing import make_cast


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Result files go to a fresh folder per test, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """The throttles count in the cache, which would outlive the test."""
    cache.clear()
    yield
    cache.clear()
