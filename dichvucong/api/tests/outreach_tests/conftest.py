"""The outreach cast and a generated campaign year (the fixtures of
outreach/tests/report_tests), with API keys of the district's agencies and
of agencies that must see nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dichvucong.accounts.models import User
from dichvucong.api.tests.helpers import Key, make_key
from dichvucong.dossiers.signals import status_changed
from dichvucong.dossiers.testing import Cast, make_cast
from dichvucong.outreach.tests.cast import OutreachCast, make_outreach_cast
from dichvucong.outreach.tests.report_tests.generated import World, build_world


@dataclass
class OutreachKeys:
    education: Key  # the campaign's lead office, Phòng GD&ĐT
    district: Key  # the district's People's Committee, the lead office's parent
    ward: Key  # a ward of the same district
    elsewhere: Key  # a ward of another district (the dossiers cast)


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def oc(db: None) -> OutreachCast:
    return make_outreach_cast()


@pytest.fixture
def cast(oc: OutreachCast) -> Cast:
    """Both casts name their citizen 001090012345: the outreach one is
    renamed first."""
    User.objects.filter(pk=oc.citizen.pk).update(username="oc-001090012345")
    return make_cast()


@pytest.fixture
def world(oc: OutreachCast, cast: Cast) -> World:
    return build_world(oc, cast)


@pytest.fixture
def outreach_keys(oc: OutreachCast, cast: Cast) -> OutreachKeys:
    return OutreachKeys(
        education=make_key(oc.education_agency, "read", "Báo cáo GD&ĐT"),
        district=make_key(oc.committee, "leader", "Lãnh đạo quận"),
        ward=make_key(oc.ward_agency, "receptionist", "Một cửa phường"),
        elsewhere=make_key(cast.agency_a, "read", "Thống kê quận khác"),
    )


@pytest.fixture(autouse=True)
def no_result_documents() -> Iterator[None]:
    """Approving a dossier renders its result as a PDF, about a second
    each; the counts never read results (as in report_tests)."""
    from dichvucong.results import service

    status_changed.disconnect(dispatch_uid="results.issue")
    yield
    status_changed.connect(service.on_status_changed, dispatch_uid="results.issue")


# The generated year's dossiers reach their results within its school year.
from dichvucong.outreach.tests.report_tests.conftest import in_the_school_year  # noqa: E402, F401
