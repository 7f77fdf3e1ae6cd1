from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def builds_every_page(settings: Any) -> None:
    """Neither the page cache nor the figures cache: each request counts."""
    settings.PUBLIC_PAGES_CACHE_SECONDS = 0
    settings.REPORTS_CACHE_SECONDS = 0
