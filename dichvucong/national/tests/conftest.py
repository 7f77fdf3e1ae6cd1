from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dichvucong.dossiers.testing import Cast, make_cast
from dichvucong.national.standin import PortalStandIn


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()


@pytest.fixture
def portal(settings: Any) -> Iterator[PortalStandIn]:
    """The national portal's stand-in on a free local port, with the sync
    configured to use it."""
    standin = PortalStandIn(username="thanhxuan", password="s3cr3t").start()
    settings.DVCQG_URL = standin.sync_url
    settings.DVCQG_AUTH_URL = standin.auth_url
    settings.DVCQG_USERNAME = "thanhxuan"
    settings.DVCQG_PASSWORD = "s3cr3t"
    settings.DVCQG_UNIT_CODE = "000.00.20.H26"
    settings.DVCQG_AGENCY_UNIT_CODES = {"T.KM": "000.20.31.H26"}
    yield standin
    standin.stop()
