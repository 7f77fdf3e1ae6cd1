from pathlib import Path

import pytest

from dichvucong.dossiers.testing import make_cast


@pytest.fixture
def cast(db):  # type: ignore[no-untyped-def]
    return make_cast()


@pytest.fixture(autouse=True)
def tmp_media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def administrator(cast):  # type: ignore[no-untyped-def]
    from dichvucong.rights.tests.helpers import make_administrator

    return make_administrator(cast.agency_a)
