"""From 01/07/2025 (Hà Nội's reorganisation) a citizen chooses among the
new wards only, and a submission goes to the agency that handles its
procedure that day for the applicant's place (catalogue.services.
handling_agency): the new ward that took their residential group, the
ward for a former district procedure. A draft begun before the change
goes to today's agency when it is submitted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Agency, Procedure, ProcedureHandling
from dichvucong.dossiers import eforms, submission
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_draft
from dichvucong.dossiers.tests.helpers import logged_in
from dichvucong.dossiers.tests.reorganisation_cast import add_groups_to_ward_b, reorganise_cast

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
BEFORE = datetime(2025, 6, 20, 9, 0, tzinfo=HANOI)
AFTER = datetime(2025, 7, 10, 9, 0, tzinfo=HANOI)


@pytest.fixture
def world(cast, tmp_path, settings):  # type: ignore[no-untyped-def]
    """Ward B's resident lives in its group 2, which went to the new
    Khương Đình; ward A merged whole into Phương Liệt."""
    settings.MEDIA_ROOT = tmp_path
    _group_1, group_2 = add_groups_to_ward_b(cast)
    profile = cast.other_applicant.citizen
    profile.residential_group = group_2
    profile.save()
    phuong_liet, khuong_dinh = reorganise_cast()
    return phuong_liet, khuong_dinh


@pytest.fixture
def after() -> Iterator[None]:
    with time_machine.travel(AFTER, tick=False):
        yield


def district_procedure(cast) -> Procedure:  # type: ignore[no-untyped-def]
    """Handled by the district's justice office until 30/06/2025, by the
    applicant's ward from 01/07/2025."""
    office = Agency.objects.create(
        name="Phòng Tư pháp",
        unit_code="T.TP",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=cast.district,
        valid_to=date(2025, 6, 30),
    )
    procedure = Procedure.objects.create(
        code="2.000547",
        name="Ghi vào sổ hộ tịch việc ly hôn",
        field=cast.procedure.field,
        handling_level=HandlingLevel.DISTRICT,
        agency=office,
        online_level=OnlineLevel.PARTIAL,
    )
    ProcedureHandling.objects.create(
        procedure=procedure,
        handling_level=HandlingLevel.DISTRICT,
        agency=office,
        valid_to=date(2025, 6, 30),
    )
    ProcedureHandling.objects.create(
        procedure=procedure, handling_level=HandlingLevel.WARD, valid_from=date(2025, 7, 1)
    )
    return procedure


def test_before_the_first_of_july_a_ward_b_resident_submits_to_ward_b(cast, world):
    with time_machine.travel(BEFORE, tick=False):
        draft = submission.start_draft(cast.other_applicant, cast.procedure)
    assert draft.agency == cast.agency_b


def test_after_it_the_draft_goes_to_the_new_ward_of_the_residents_group(cast, world, after):
    phuong_liet, khuong_dinh = world
    assert submission.start_draft(cast.other_applicant, cast.procedure).agency == khuong_dinh
    # Ward A merged whole: its residents go to Phương Liệt.
    assert submission.start_draft(cast.applicant, cast.procedure).agency == phuong_liet


def test_a_former_district_procedure_goes_to_the_applicants_ward(cast, world):
    procedure = district_procedure(cast)
    with time_machine.travel(BEFORE, tick=False):
        assert not submission.is_ward_procedure(procedure)
        assert submission.start_draft(cast.applicant, procedure).agency.unit_code == "T.TP"
    with time_machine.travel(AFTER, tick=False):
        assert submission.is_ward_procedure(procedure)
        assert submission.start_draft(cast.other_applicant, procedure).agency == world[1]


def test_the_start_page_offers_only_the_new_wards_with_the_home_ward_chosen(
    client, cast, world, after
):
    phuong_liet, khuong_dinh = world
    logged_in(client, cast.other_applicant)
    form = client.get(reverse("dossiers:start", args=[cast.procedure.code])).context["form"]
    offered = {ward.code for ward in form.fields["ward"].queryset}
    assert offered == {"T-PL", "T-KDN"}
    assert form.fields["ward"].initial == khuong_dinh.admin_unit


def test_the_eform_address_offers_only_the_new_wards_and_their_groups(cast, world):
    with time_machine.travel(BEFORE, tick=False):
        before = {code for code, _name in eforms.Units.load().ward_choices[1:]}
    with time_machine.travel(AFTER, tick=False):
        units = eforms.Units.load()
    after = {code for code, _name in units.ward_choices[1:]}
    assert before == {str(cast.ward_a.pk), str(cast.ward_b.pk)}
    assert after == {str(world[0].admin_unit_id), str(world[1].admin_unit_id)}


def test_a_draft_begun_before_is_submitted_to_the_agency_of_today(cast, world):
    phuong_liet, khuong_dinh = world
    with time_machine.travel(BEFORE, tick=False):
        draft = make_draft(cast, applicant=cast.other_applicant, agency=cast.agency_b)
        draft.form_data = {**draft.form_data, "birth_date": "2025-06-01"}
        draft.save(update_fields=["form_data"])
    with time_machine.travel(AFTER, tick=False):
        submitted = submission.submit_dossier(draft, cast.other_applicant)
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.agency == khuong_dinh
    assert submitted.code.startswith(khuong_dinh.unit_code)
