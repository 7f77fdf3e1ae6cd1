from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from dichvucong.catalogue.constants import SuccessionKind
from dichvucong.catalogue.models import AdminUnit, UnitSuccession
from dichvucong.catalogue.reorganisation import ReorganisationError, load_reorganisation
from dichvucong.catalogue.services import groups_of_ward
from dichvucong.catalogue.tests.reorganisation_sample import (
    load_thanh_xuan_2017,
    reorganisation_data,
)

pytestmark = pytest.mark.django_db

LAST_DAY = date(2025, 6, 30)


def test_every_group_of_every_split_ward_is_listed_under_one_successor():
    load_thanh_xuan_2017()
    load_reorganisation(reorganisation_data())
    splits = UnitSuccession.objects.filter(kind=SuccessionKind.SPLIT)
    split_wards = AdminUnit.objects.filter(successions__in=splits).distinct()
    assert split_wards.count() == 8
    for ward in split_wards:
        listed = Counter(
            row.group
            for succession in splits.filter(predecessor=ward)
            for row in succession.group_rows.all()
        )
        assert set(listed) == set(groups_of_ward(ward, LAST_DAY)), ward
        assert set(listed.values()) == {1}, ward


def test_every_old_ward_has_a_successor_on_the_first_of_july():
    load_thanh_xuan_2017()
    load_reorganisation(reorganisation_data())
    for ward in AdminUnit.objects.filter(parent__code="H26.TX"):
        assert ward.successions.exists(), ward


def test_a_group_listed_under_two_successors_is_refused_and_nothing_is_written():
    load_thanh_xuan_2017()
    data = reorganisation_data()
    split = next(row for row in data["successions"] if row["kind"] == SuccessionKind.SPLIT)
    sibling = next(
        row
        for row in data["successions"]
        if row["predecessor"] == split["predecessor"] and row is not split
    )
    sibling["groups"].append(split["groups"][0])
    with pytest.raises(ReorganisationError):
        load_reorganisation(data)
    assert not UnitSuccession.objects.exists()
    assert AdminUnit.objects.get(code="H26.TX").valid_to is None


def test_a_group_left_out_is_refused():
    load_thanh_xuan_2017()
    data = reorganisation_data()
    split = next(row for row in data["successions"] if row["kind"] == SuccessionKind.SPLIT)
    split["groups"].pop()
    with pytest.raises(ReorganisationError):
        load_reorganisation(data)
