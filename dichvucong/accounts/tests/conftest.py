"""The usual cast for account tests: a small administrative tree, a
citizen, an organisation and an officer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core.cache import cache

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import CitizenProfile, OrganisationProfile, User
from dichvucong.accounts.tests.vneid_steps import start_provider
from dichvucong.accounts.vneid.standin import StandIn
from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach.tests.helpers_tests.sms import KeepingSmsProvider

PASSWORD = "Hoa-sen-nở-2025"
CITIZEN_ID = "001085012345"
TAX_CODE = "0101234567"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    # Argon2 takes half a second a hash by design; lockout tests log in
    # dozens of times. test_password_hashing checks the real setting.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Send limits are counted in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sent_sms(settings: Any) -> list[tuple[str, str]]:
    """SMS go to the test gateway of the outreach tests, which keeps them
    (the phone's inbox)."""
    settings.SMS_PROVIDER = "dichvucong.outreach.tests.helpers_tests.sms.KeepingSmsProvider"
    KeepingSmsProvider.sent.clear()
    return KeepingSmsProvider.sent


def unit(name: str, code: str, level: str, parent: AdminUnit | None = None) -> AdminUnit:
    return AdminUnit.objects.create(name=name, code=code, level=level, parent=parent)


@pytest.fixture
def units(db: None) -> dict[str, AdminUnit]:
    city = unit("Hà Nội", "01", "city")
    district = unit("Quận Thanh Xuân", "009", "district", city)
    ward_a = unit("Phường Khương Trung", "00352", "ward", district)
    ward_b = unit("Phường Nhân Chính", "00337", "ward", district)
    return {
        "ward_a": ward_a,
        "ward_b": ward_b,
        "group_a1": unit("Tổ 1", "00352-01", "group", ward_a),
        "group_a2": unit("Tổ 2", "00352-02", "group", ward_a),
        "group_b1": unit("Tổ 1", "00337-01", "group", ward_b),
    }


@pytest.fixture
def citizen(units: dict[str, AdminUnit]) -> User:
    user = User.objects.create_user(
        username=CITIZEN_ID,
        password=PASSWORD,
        full_name="Nguyễn Văn An",
        email="an@example.vn",
        kind=AccountKind.CITIZEN,
    )
    CitizenProfile.objects.create(
        user=user,
        id_number=CITIZEN_ID,
        date_of_birth=date(1985, 3, 25),
        phone="0912345678",
        address="12 ngõ 5",
        ward=units["ward_a"],
        residential_group=units["group_a1"],
    )
    return user


@pytest.fixture
def organisation(units: dict[str, AdminUnit]) -> User:
    user = User.objects.create_user(
        username=TAX_CODE,
        password=PASSWORD,
        full_name="Công ty TNHH Hoa Sen",
        email="lienhe@hoasen.vn",
        kind=AccountKind.ORGANISATION,
    )
    OrganisationProfile.objects.create(
        user=user,
        name="Công ty TNHH Hoa Sen",
        tax_code=TAX_CODE,
        representative="Trần Thị Bình",
        phone="0987654321",
        address="5 Nguyễn Trãi",
        ward=units["ward_b"],
    )
    return user


@pytest.fixture
def officer(db: None) -> User:
    return User.objects.create_user(
        username="canbo.khuongtrung",
        password=PASSWORD,
        full_name="Lê Văn Cường",
        kind=AccountKind.STAFF,
    )


@pytest.fixture
def provider(settings: Any) -> Iterator[StandIn]:
    """The stand-in national e-ID provider on 127.0.0.1, the settings
    pointed at it, for Django's test client (host "testserver")."""
    started = start_provider(settings, "http://testserver")
    yield started
    started.stop()
