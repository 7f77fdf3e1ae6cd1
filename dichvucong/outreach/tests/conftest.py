from __future__ import annotations

from pathlib import Path

import pytest

from dichvucong.outreach.tests.cast import OutreachCast, make_outreach_cast


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:
    """Uploads (rosters, materials) land in a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def oc(db) -> OutreachCast:
    return make_outreach_cast()
