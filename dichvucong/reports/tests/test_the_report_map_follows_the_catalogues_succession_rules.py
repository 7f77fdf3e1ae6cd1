"""reports.unitmap plays catalogue.services' rules on the catalogue read
once: for every unit, the ward of today it gives is the one ward_on
gives, and a dossier of an ended agency goes where the reorganisation
would send it (handling_agency), or stays when nothing decides."""

from __future__ import annotations

import pytest

from dichvucong.catalogue.models import AdminUnit
from dichvucong.catalogue.services import handling_agency, ward_on
from dichvucong.reports.tests.reorganised_world import TODAY, build
from dichvucong.reports.unitmap import UnitMap

pytestmark = pytest.mark.django_db


def test_the_map_gives_every_unit_the_ward_the_catalogue_gives(cast):
    build(cast, before=10, after=5)
    unit_map = UnitMap(TODAY)
    for unit in AdminUnit.objects.exclude(level__in=("city", "district")):
        expected = ward_on(unit, TODAY)
        assert unit_map.ward_on(unit.pk) == (expected.pk if expected else None), unit.code


def test_an_ended_agencys_dossier_goes_where_the_catalogue_sends_it(cast):
    r = build(cast, before=10, after=5)
    unit_map = UnitMap(TODAY)
    procedure = cast.procedure
    for group in AdminUnit.objects.filter(pk__in=[r.group_1.pk, r.group_2.pk]):
        expected = handling_agency(procedure, group, TODAY)
        assert unit_map.agency_today(cast.agency_b.pk, procedure.pk, group.pk) == expected.pk
    # Ward A merged whole: no group needed. Ward B split: none, it stays.
    assert unit_map.agency_today(cast.agency_a.pk, procedure.pk, None) == r.phuong_liet.pk
    assert unit_map.agency_today(cast.agency_b.pk, procedure.pk, None) == cast.agency_b.pk
    assert cast.agency_b.pk in unit_map.group_dependent_agency_ids()
    assert cast.agency_a.pk not in unit_map.group_dependent_agency_ids()
