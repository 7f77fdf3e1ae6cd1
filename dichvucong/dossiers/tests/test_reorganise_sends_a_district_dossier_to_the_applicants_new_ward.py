"""A district office's procedures go to the wards when the district ends
(ProcedureHandling, loaded with the reorganisation): its dossiers in
progress go to the committee of the applicant's new ward."""

from __future__ import annotations

from typing import Any

import pytest

from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Agency, Procedure
from dichvucong.catalogue.reorganisation import load_reorganisation
from dichvucong.dossiers import lifecycle, reorganise
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, BIRTH_SCHEMA
from dichvucong.dossiers.tests.reorganisation_cast import (
    BASIS,
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def district_office(cast) -> tuple[Agency, Procedure]:  # type: ignore[no-untyped-def]
    office = Agency.objects.create(
        name="Phòng Tư pháp",
        unit_code="T.TX.TP",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=cast.district,
    )
    procedure = Procedure.objects.create(
        code="2.000908",
        name="Chứng thực bản sao",
        field=cast.procedure.field,
        handling_level=HandlingLevel.DISTRICT,
        agency=office,
        online_level=OnlineLevel.PARTIAL,
        working_days=2,
        form_schema=BIRTH_SCHEMA,
    )
    add_groups_to_ward_b(cast)
    return office, procedure


def _submitted(applicant: Any, office: Agency, procedure: Procedure) -> Dossier:
    dossier = Dossier.objects.create(
        procedure=procedure,
        agency=office,
        applicant=applicant,
        applicant_name=applicant.full_name,
        applicant_phone=applicant.citizen.phone,
        form_data=dict(BIRTH_FORM_DATA),
    )
    lifecycle.submit(dossier, applicant)
    return Dossier.objects.get(pk=dossier.pk)


def _reorganise() -> None:
    reorganise_cast()
    rule = {"district": "T-TX", "until": "2025-06-30", "level": "ward", "legal_basis": BASIS}
    load_reorganisation(
        {"ended_units": [], "new_wards": [], "successions": [], "district_procedures": rule}
    )


def test_the_dossier_goes_to_the_committee_of_the_applicants_new_ward(cast, district_office):
    office, procedure = district_office
    dossier = _submitted(cast.applicant, office, procedure)  # lives in ward A, merged
    _reorganise()
    reorganise.apply(reorganise.plan(FIRST_DAY))
    assert Dossier.objects.get(pk=dossier.pk).agency.unit_code == "T.PL"


def test_an_applicant_in_a_split_ward_without_a_group_is_left_for_a_person(cast, district_office):
    office, procedure = district_office
    dossier = _submitted(cast.other_applicant, office, procedure)  # ward B, no group
    _reorganise()
    work = reorganise.plan(FIRST_DAY)
    assert [pk for pk, _agency in work.undecided] == [dossier.pk]
    reorganise.apply(work)
    assert Dossier.objects.get(pk=dossier.pk).agency == office
