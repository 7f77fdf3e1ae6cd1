from __future__ import annotations

import time
from datetime import date

import pytest
from django.db.models import Count

from dichvucong.demo import read_master_data
from dichvucong.demo.master import load_master
from dichvucong.demo.outreach import load_outreach
from dichvucong.demo.people import load_people
from dichvucong.demo.store import Tally
from dichvucong.outreach import services
from dichvucong.outreach.models import (
    Attendance,
    Campaign,
    Consent,
    Pupil,
    SchoolClass,
    TrainingSession,
)


@pytest.fixture
def loaded(db):
    tally = Tally()
    master = load_master(read_master_data(), tally)
    load_people(master, tally)
    started = time.perf_counter()
    load_outreach(master, tally)
    print(f"\nload_outreach: {time.perf_counter() - started:.2f} s")
    return master


def test_the_2017_campaign_has_ten_schools_and_about_2100_pupils(loaded):
    campaign = Campaign.objects.get()
    assert (campaign.start_date, campaign.end_date) == (date(2017, 3, 1), date(2017, 3, 16))
    assert campaign.schools.count() == 10
    per_school = SchoolClass.objects.values("school").annotate(n=Count("pk"))
    assert all(4 <= row["n"] <= 6 for row in per_school)
    per_class = Pupil.objects.values("school_class").annotate(n=Count("pk"))
    assert all(35 <= row["n"] <= 45 for row in per_class)
    assert 1800 <= Pupil.objects.count() <= 2500


def test_sessions_fall_within_the_campaign_and_most_pupils_attend(loaded):
    campaign = Campaign.objects.get()
    sessions = TrainingSession.objects.filter(campaign=campaign)
    assert all(campaign.start_date <= s.starts_at.date() <= campaign.end_date for s in sessions)
    assert set(sessions.values_list("school", flat=True)) == set(
        campaign.schools.values_list("pk", flat=True)
    )
    present = Attendance.objects.filter(present=True).count() / Attendance.objects.count()
    assert 0.92 < present < 0.98
    assert Attendance.objects.count() == Pupil.objects.count()  # each class in one session


def test_most_pupils_have_full_consent_and_a_few_do_not(loaded):
    answers = services.latest_consents(Pupil.objects.values_list("pk", flat=True))
    years = dict(Pupil.objects.values_list("pk", "birth_year"))
    full = sum(
        services.full_consent_given(answers.get(pk, {}), year, date(2017, 3, 1))
        for pk, year in years.items()
    )
    assert 0.9 * len(years) < full < len(years)
    assert Consent.objects.count() > len(years)


def test_a_second_load_writes_nothing(loaded):
    tally = Tally()
    load_outreach(loaded, tally)
    assert tally.writes == 0, (tally.created, tally.updated)


def test_the_same_names_are_generated_every_time(loaded):
    first = list(Pupil.objects.order_by("pk").values_list("full_name", flat=True)[:20])
    Attendance.objects.all().delete()
    Consent.objects.all().delete()
    Pupil.objects.all().delete()
    load_outreach(loaded, Tally())
    assert list(Pupil.objects.order_by("pk").values_list("full_name", flat=True)[:20]) == first


def test_the_guide_is_a_real_pdf(loaded):
    from dichvucong.outreach.models import MaterialVersion

    guide = MaterialVersion.objects.get(material__kind="guide")
    with guide.file.open("rb") as stream:
        assert stream.read(5) == b"%PDF-"
    assert guide.size > 1000
