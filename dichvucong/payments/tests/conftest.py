from __future__ import annotations

from pathlib import Path

import pytest

from dichvucong.dossiers.testing import make_cast
from dichvucong.payments.tests.helpers import awaiting_payment


@pytest.fixture(autouse=True)
def tmp_media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Uploads made by the cast's dossiers go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def cast(db):  # type: ignore[no-untyped-def]
    return make_cast()


@pytest.fixture
def dossier(cast):  # type: ignore[no-untyped-def]
    """A level-4 dossier of the cast's applicant waiting to pay 24.000 đ."""
    return awaiting_payment(cast)


@pytest.fixture
def bank_account(settings):  # type: ignore[no-untyped-def]
    """The district's account for transfers (VietinBank), as in production."""
    settings.VIETQR_BANK_BIN = "970415"
    settings.VIETQR_ACCOUNT_NUMBER = "113366668888"
    settings.VIETQR_ACCOUNT_NAME = "UBND QUAN THANH XUAN"
    settings.VIETQR_AGENCY_ACCOUNTS = ""
    return settings
