from __future__ import annotations

from typing import Any

import pytest

from dichvucong.public_pages import DEFAULT_SECONDS


@pytest.fixture(autouse=True)
def pages_are_kept(settings: Any) -> None:
    """The production default, which the test settings turn off."""
    settings.PUBLIC_PAGES_CACHE_SECONDS = DEFAULT_SECONDS
    settings.REPORTS_CACHE_SECONDS = 300
