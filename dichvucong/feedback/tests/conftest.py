from __future__ import annotations

import pytest
from django.core.cache import cache

from dichvucong.dossiers.testing import make_cast


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Approvals in these tests issue result files: keep them out of var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """The throttles count in the cache, which would outlive the test."""
    cache.clear()
    yield
    cache.clear()
