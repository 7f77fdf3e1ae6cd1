"""The areas endpoint gives the figures of the electronic residential
areas page (outreach.areas.shown, small groups merged) for the district's
wards: households with an online dossier and active ambassadors per ward
and group, and the monthly trend; practice dossiers and drafts never make
a household online."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API
from dichvucong.api.tests.outreach_tests.conftest import OutreachKeys
from dichvucong.dossiers.testing import Cast
from dichvucong.outreach import areas
from dichvucong.outreach.tests.cast import OutreachCast
from dichvucong.outreach.tests.report_tests.areas_data import build_places


def test_the_figures_equal_those_of_the_areas_page(
    client: Client, oc: OutreachCast, cast: Cast, outreach_keys: OutreachKeys
) -> None:
    build_places(oc, cast)
    expected = areas.shown(areas.wards_for(oc.education))
    exact = areas.areas(areas.wards_for(oc.education))
    body = client.get(f"{API}/outreach/areas", **outreach_keys.district.headers).json()
    assert (body["households"], body["ambassadors"]) == (expected.households, expected.ambassadors)
    assert body["households"] == exact.households > 0 and body["ambassadors"] > 0
    assert [(w["id"], w["name"], w["merged"], w.get("households")) for w in body["wards"]] == [
        (w.ward_id, w.name, w.merged, None if w.merged else w.households) for w in expected.wards
    ]
    assert [
        [(g["id"], g["households"], g["ambassadors"]) for g in w["groups"]] for w in body["wards"]
    ] == [[(g.group_id, g.households, g.ambassadors) for g in w.groups] for w in expected.wards]
    assert [(m["month"], m["new"], m["cumulative"]) for m in body["months"]] == [
        (m.month.isoformat(), m.new, m.cumulative) for m in expected.months
    ]
    assert body["months"][-1]["cumulative"] == body["households"]


def test_a_ward_key_gets_its_wards_figures(
    client: Client, oc: OutreachCast, cast: Cast, outreach_keys: OutreachKeys
) -> None:
    build_places(oc, cast)
    own = areas.shown(areas.wards_for(oc.receptionist))
    body = client.get(f"{API}/outreach/areas", **outreach_keys.ward.headers).json()
    assert [w["id"] for w in body["wards"]] == [oc.ward_a.pk]
    assert body["households"] == own.households > 0
    assert [m["new"] for m in body["months"]] == [m.new for m in own.months]
