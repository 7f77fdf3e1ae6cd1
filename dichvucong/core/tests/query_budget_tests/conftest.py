from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def tmp_media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Uploaded files go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
