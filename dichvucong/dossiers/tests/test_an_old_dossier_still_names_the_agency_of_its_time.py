"""A dossier that ended before Hà Nội's 2025 reorganisation keeps the
agency of its time on its page and in the public lookup, with the agency
that does its work today when there is one ("nay là …"): the name as it
was, never rewritten, and no page refused for an ended unit."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache

from dichvucong.dossiers import eforms, reorganise
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.helpers import logged_in, page_text, url
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
)

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
BEFORE = datetime(2025, 6, 20, 9, 0, tzinfo=HANOI)
AFTER = datetime(2025, 7, 10, 9, 0, tzinfo=HANOI)
OLD_NAME = "UBND phường Khương Mai"
NOW = "(nay là UBND phường Phương Liệt)"


@pytest.fixture
def old_dossier(cast, tmp_path, settings) -> Dossier:  # type: ignore[no-untyped-def]
    """Withdrawn in June 2025 at ward A, which merged into Phương Liệt."""
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(BEFORE, tick=False):
        dossier = make_dossier(cast, Status.WITHDRAWN)
    add_groups_to_ward_b(cast)
    reorganise_cast()
    return dossier


def test_before_the_change_the_page_names_the_agency_alone(client, cast, old_dossier):
    logged_in(client, cast.applicant)
    with time_machine.travel(BEFORE, tick=False):
        text = page_text(client.get(url("detail", old_dossier)))
    assert OLD_NAME in text
    assert "nay là" not in text


def test_after_it_the_page_keeps_the_old_agency_and_names_todays(
    client, cast, old_dossier, django_assert_max_num_queries
):
    logged_in(client, cast.applicant)
    with time_machine.travel(AFTER, tick=False):
        with django_assert_max_num_queries(30):
            response = client.get(url("detail", old_dossier))
    assert response.status_code == 200
    assert f"{OLD_NAME} {NOW}" in page_text(response)
    assert Dossier.objects.get(pk=old_dossier.pk).agency == cast.agency_a


def test_the_public_lookup_shows_the_same(client, old_dossier):
    cache.clear()
    with time_machine.travel(AFTER, tick=False):
        response = client.post(
            "/tra-cuu/",
            {"code": old_dossier.code, "factor": "0912345678"},
            REMOTE_ADDR="203.0.113.9",
        )
    assert f"{OLD_NAME} {NOW}" in page_text(response)


def test_a_split_wards_committee_is_named_without_a_successor(client, cast, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(BEFORE, tick=False):
        dossier = make_dossier(cast, Status.WITHDRAWN)
        Dossier.objects.filter(pk=dossier.pk).update(agency=cast.agency_b)
    add_groups_to_ward_b(cast)
    reorganise_cast()
    logged_in(client, cast.applicant)
    with time_machine.travel(AFTER, tick=False):
        text = page_text(client.get(url("detail", dossier)))
    assert "UBND phường Khương Đình" in text
    assert "nay là" not in text


def test_a_moved_dossiers_timeline_names_the_office_that_acted_then(
    client, cast, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(BEFORE, tick=False):
        dossier = make_dossier(cast, Status.ACCEPTED)
    add_groups_to_ward_b(cast)
    reorganise_cast()
    with time_machine.travel(AFTER, tick=False):
        reorganise.apply(reorganise.plan(FIRST_DAY))
        logged_in(client, cast.applicant)
        text = page_text(client.get(url("detail", dossier)))
    assert "Bộ phận Một cửa – UBND phường Khương Mai" in text
    assert "hồ sơ được chuyển đến UBND phường Phương Liệt" in text
    assert Dossier.objects.get(pk=dossier.pk).agency.name == "UBND phường Phương Liệt"


def test_an_old_address_reads_as_written_with_the_ward_of_today(cast, old_dossier):
    schema = [
        {"title": "Địa chỉ", "fields": [{"name": "home", "label": "Nơi ở", "type": "address"}]}
    ]
    home = {"street": "12 Khương Trung", "ward": cast.ward_a.pk, "group": cast.group_a.pk}
    with time_machine.travel(AFTER, tick=False):
        (answer,) = eforms.answers(schema, {"home": home})[0]
    assert answer.text == ("12 Khương Trung, Tổ dân phố 1, Khương Mai (nay là Phường Phương Liệt)")
    with time_machine.travel(BEFORE, tick=False):
        (answer,) = eforms.answers(schema, {"home": home})[0]
    assert answer.text == "12 Khương Trung, Tổ dân phố 1, Khương Mai"
