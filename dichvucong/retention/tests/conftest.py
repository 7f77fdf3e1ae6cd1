from pathlib import Path

import pytest

from dichvucong.dossiers.testing import make_cast


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture(autouse=True)
def tmp_media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def sessions_in_the_database(settings):  # type: ignore[no-untyped-def]
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
