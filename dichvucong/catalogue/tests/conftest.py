from __future__ import annotations

from pathlib import Path

import pytest

from dichvucong.catalogue.tests.sample_catalogue import CatalogueSample, make_catalogue_sample


@pytest.fixture
def catalogue_media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Uploaded forms go to a temporary folder, not the developer's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def catalogue_sample(db, catalogue_media: Path) -> CatalogueSample:  # type: ignore[no-untyped-def]
    return make_catalogue_sample()
