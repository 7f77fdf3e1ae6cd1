from __future__ import annotations

from datetime import date

import pytest

from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers import reorganise
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
)
from dichvucong.outreach.models import Ambassador, Campaign, School

pytestmark = pytest.mark.django_db


@pytest.fixture
def outreach(cast):  # type: ignore[no-untyped-def]
    add_groups_to_ward_b(cast)
    campaign = Campaign.objects.create(
        title="Đại sứ số 2025",
        lead_agency=cast.agency_a,
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
    )
    schools = {
        "merged": School.objects.create(name="THCS Khương Mai", ward=cast.ward_a),
        "split": School.objects.create(name="THCS Khương Đình", ward=cast.ward_b),
    }

    def volunteer(name: str, until: date | None) -> Ambassador:
        return Ambassador.objects.create(
            campaign=campaign,
            volunteer_name=name,
            residential_group=cast.group_a,
            since=date(2025, 1, 1),
            until=until,
        )

    # The second one's role ended before the reorganisation.
    ambassadors = {
        "running": volunteer("Bà Lan", None),
        "ended": volunteer("Ông Tư", date(2025, 5, 31)),
    }
    reorganise_cast()
    return campaign, schools, ambassadors


def _state() -> list[object]:
    return [
        sorted(School.objects.values_list("pk", "ward")),
        sorted(Ambassador.objects.values_list("pk", "residential_group")),
        sorted(Campaign.objects.values_list("pk", "lead_agency")),
    ]


def test_a_dry_run_counts_and_writes_nothing(outreach):
    before = _state()
    lines = reorganise.follow(FIRST_DAY, dry_run=True)
    assert _state() == before
    assert any("1 trường theo đơn vị mới" in line for line in lines)
    assert any("1 trường chưa xác định" in line for line in lines)


def test_rows_still_running_follow_the_new_units_and_ended_ones_stay(cast, outreach):
    campaign, schools, ambassadors = outreach
    reorganise.follow(FIRST_DAY, dry_run=False)
    new_group = AdminUnit.objects.get(code=f"T-PL/{cast.group_a.code}")
    assert School.objects.get(pk=schools["merged"].pk).ward.code == "T-PL"
    assert School.objects.get(pk=schools["split"].pk).ward == cast.ward_b
    assert Ambassador.objects.get(pk=ambassadors["running"].pk).residential_group == new_group
    assert Ambassador.objects.get(pk=ambassadors["ended"].pk).residential_group == cast.group_a
    assert Campaign.objects.get(pk=campaign.pk).lead_agency.unit_code == "T.PL"


def test_a_second_run_changes_nothing(outreach):
    reorganise.follow(FIRST_DAY, dry_run=False)
    after_first = _state()
    reorganise.follow(FIRST_DAY, dry_run=False)
    assert _state() == after_first
