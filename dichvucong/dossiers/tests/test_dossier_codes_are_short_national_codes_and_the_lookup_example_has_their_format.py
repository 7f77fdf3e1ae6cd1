"""One format for dossier codes everywhere (issue 11, point 8): the national
unit code, the day, a four-digit number; no "demo"; the lookup page's
example is a code of this office in that very format."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from dichvucong.catalogue.models import Agency
from dichvucong.demo import read_master_data
from dichvucong.demo.master import load_master
from dichvucong.demo.store import Tally
from dichvucong.dossiers.codes import issue_code
from dichvucong.lib.dossier_codes import is_national_unit_code, parse_code

pytestmark = pytest.mark.django_db

# 000.00.01.H26-171205-0001
NATIONAL_CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$")


@pytest.fixture
def demo_agencies() -> list[Agency]:
    load_master(read_master_data(), Tally())
    return list(Agency.objects.all())


def test_every_demo_agency_issues_a_short_national_code_without_demo(demo_agencies):
    assert len(demo_agencies) == 20
    for agency in demo_agencies:
        assert is_national_unit_code(agency.unit_code), agency.unit_code
        code = issue_code(agency, date(2017, 12, 5))
        assert NATIONAL_CODE.match(code), code
        assert "demo" not in code.lower()
        assert len(code) == 25


def test_the_lookup_example_is_a_code_of_a_demo_agency_for_today(demo_agencies, client):
    html = client.get(reverse("lookup:form")).content.decode()
    example = re.search(r"ví dụ ([^\s<]+?)\.?<", html)
    assert example, "the lookup page gives no example code"
    assert NATIONAL_CODE.match(example[1]), example[1]
    unit, _day, number = parse_code(example[1])
    assert unit in {agency.unit_code for agency in demo_agencies}
    assert number == 1


def test_without_national_codes_the_example_still_has_the_national_shape(cast, client):
    assert not any(is_national_unit_code(a.unit_code) for a in Agency.objects.all())
    html = client.get(reverse("lookup:form")).content.decode()
    assert re.search(r"ví dụ \d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-0001\.", html)
