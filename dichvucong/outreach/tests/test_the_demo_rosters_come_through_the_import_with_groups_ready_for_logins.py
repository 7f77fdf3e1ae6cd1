"""The demo's rosters are imported the way a school imports them, ward
and group columns included, so the coordinator of THCS Khương Đình can
hand out logins to class 8A1 (42 pupils) without setting a group by hand."""

from __future__ import annotations

import pytest

from dichvucong.demo import read_master_data
from dichvucong.demo.master import load_master
from dichvucong.demo.outreach import load_outreach
from dichvucong.demo.people import load_people
from dichvucong.demo.store import Tally
from dichvucong.outreach import practice, services
from dichvucong.outreach.models import Pupil


@pytest.fixture
def loaded(db):
    tally = Tally()
    master = load_master(read_master_data(), tally)
    load_people(master, tally)
    load_outreach(master, tally)
    return tally


def test_every_consented_pupil_has_a_group_of_the_schools_ward(loaded):
    pupils = list(Pupil.objects.select_related("school_class__school", "ambassador_group"))
    answers = services.latest_consents(p.pk for p in pupils)
    for pupil in pupils:
        consented = services.full_consent_given(answers.get(pupil.pk, {}), pupil.birth_year)
        assert (pupil.ambassador_group is not None) == consented, pupil.pk
        if consented and pupil.school_class.school.ward_id:
            assert pupil.ambassador_group.parent_id == pupil.school_class.school.ward_id


def test_class_8a1_of_khuong_dinh_gets_its_logins_without_hand_work(loaded):
    pupils = list(
        Pupil.objects.filter(
            school_class__school__name="THCS Khương Đình", school_class__name="8A1"
        ).select_related("school_class")
    )
    assert len(pupils) == 42
    done = practice.issue_pupil_logins(pupils, by=None)
    answers = services.latest_consents(p.pk for p in pupils)
    consented = sum(
        services.full_consent_given(answers.get(p.pk, {}), p.birth_year) for p in pupils
    )
    assert len(done.issued) == consented >= 38
    assert all("đồng ý" in why for _pupil, why in done.refused)
