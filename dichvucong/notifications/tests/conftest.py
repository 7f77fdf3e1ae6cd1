from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dichvucong.accounts.models import CitizenProfile
from dichvucong.dossiers.testing import Cast, make_cast
from dichvucong.notifications.zalo_standin import ZaloStandIn


def pytest_configure(config: pytest.Config) -> None:
    # Until pyproject.toml lists it (the suite runs with --strict-markers).
    config.addinivalue_line(
        "markers", "celery: starts a real Celery worker (CELERY_TEST_BROKER_URL, PostgreSQL)"
    )


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()


ZALO_TEMPLATES = {
    "accepted": {
        "template_id": "231001",
        "data": {"ma_ho_so": "code", "trang_thai": "status_label", "ngay_hen": "due_date"},
    },
    "*": {"template_id": "231000", "data": {"ma_ho_so": "code", "trang_thai": "status_label"}},
}


@pytest.fixture
def zalo(settings: Any) -> Iterator[ZaloStandIn]:
    """The ZNS and OAuth stand-in on a free local port, with the channel
    configured to use it."""
    standin = ZaloStandIn(app_id="4291763606", secret_key="s3cr3t", refresh_token="first-rt")
    standin.start()
    settings.ZALO_APP_ID = standin.app_id
    settings.ZALO_APP_SECRET = standin.secret_key
    settings.ZALO_OA_REFRESH_TOKEN = "first-rt"
    settings.ZALO_TEMPLATES = ZALO_TEMPLATES
    settings.ZALO_ZNS_URL = standin.zns_url
    settings.ZALO_OAUTH_URL = standin.oauth_url
    yield standin
    standin.stop()


@pytest.fixture
def zalo_citizen(cast: Cast, zalo: ZaloStandIn) -> Cast:
    """The cast, its applicant having chosen Zalo."""
    CitizenProfile.objects.filter(user=cast.applicant).update(notify_by_zalo=True)
    return cast
