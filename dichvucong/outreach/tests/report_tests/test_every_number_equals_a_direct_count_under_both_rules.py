from __future__ import annotations

import dataclasses

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dichvucong.outreach import report
from dichvucong.outreach.constants import SuccessRule
from dichvucong.outreach.tests.report_tests.direct import direct_counts


def _check(world) -> dict:
    built = report.build_report(world.campaign)
    expected = direct_counts(world.campaign)
    assert {s.school_id for s in built.schools} == set(expected["schools"])
    assert {c.class_id for s in built.schools for c in s.classes} == set(expected["classes"])
    for school in built.schools:
        assert dataclasses.asdict(school.figures) == expected["schools"][school.school_id]
        for row in school.classes:
            assert dataclasses.asdict(row.figures) == expected["classes"][row.class_id]
    assert dataclasses.asdict(built.totals) == expected["total"]
    assert built.target_share == expected["total"]["trained"] / 40
    return expected


@pytest.mark.parametrize("rule", [SuccessRule.RESULT, SuccessRule.RETURNED])
def test_every_number_of_the_report_equals_a_direct_count(world, rule):
    world.campaign.success_rule = rule
    world.campaign.save()
    expected = _check(world)
    total = expected["total"]
    # The data exercise what the numbers are about: erased pupils, pupils
    # with several dossiers, households helped twice, across schools too.
    assert total["erased"] > 0 and total["dossiers"] > total["succeeded"] > 0
    assert total["households"] < total["dossiers"]
    schools = expected["schools"].values()
    assert total["households"] < sum(school["households"] for school in schools)


def test_the_two_rules_count_differently_on_the_same_year(world):
    accepted = _check(world)["total"]["dossiers"]
    world.campaign.success_rule = SuccessRule.RETURNED
    world.campaign.save()
    assert _check(world)["total"]["dossiers"] < accepted


def test_the_report_takes_the_same_few_queries_whatever_the_size(world):
    with CaptureQueriesContext(connection) as queries:
        report.build_report(world.campaign)
    assert len(queries) <= 12
