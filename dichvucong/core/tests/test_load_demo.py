from __future__ import annotations

import pytest
from django.apps import apps
from django.db import transaction

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import CitizenProfile, StaffRole, User
from dichvucong.catalogue.constants import OnlineLevel, UnitLevel
from dichvucong.catalogue.fees import compute_fee
from dichvucong.catalogue.forms_schema import schema_errors
from dichvucong.catalogue.models import AdminUnit, Agency, Procedure
from dichvucong.demo import DEMO_PASSWORD, load_demo, testing
from dichvucong.lib.identity import clean_mobile_phone, clean_tax_code, describe_id_number
from dichvucong.outreach.models import School

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def output(django_db_setup, django_db_blocker):
    """The demo is loaded once for the module (demo/testing.py: a copy of
    this process's first real load), in a transaction rolled back at the
    end; each test runs in a savepoint inside it, so what one test changes
    the next never sees."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield testing.load_demo()
        transaction.set_rollback(True)


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_the_district_has_its_eleven_wards_with_residential_groups(output):
    district = AdminUnit.objects.get(level=UnitLevel.DISTRICT)
    assert district.name == "Quận Thanh Xuân" and district.parent.code == "H26"
    wards = AdminUnit.objects.filter(level=UnitLevel.WARD, parent=district)
    assert wards.count() == 11
    for ward in wards:
        assert 6 <= ward.children.filter(level=UnitLevel.GROUP).count() <= 12


def test_agencies_have_unique_codes_and_departments_belong_to_the_district(output):
    committee = Agency.objects.get(name="UBND quận Thanh Xuân")
    assert committee.unit_code == "000.00.00.H26"
    assert committee.departments.count() == 8
    assert Agency.objects.filter(name__startswith="UBND phường").count() == 11
    assert Agency.objects.count() == 20


def test_the_ten_schools_are_placed_in_their_wards(output):
    assert School.objects.count() == 10
    assert School.objects.get(name="THCS Khương Đình").ward.name == "Phường Khương Đình"
    assert School.objects.get(name="THCS Việt Nam - Angiêri").ward is None
    assert not School.objects.get(name="THCS Hạ Đình").verified


def test_all_procedures_are_imported_with_sound_eforms(output):
    assert Procedure.objects.count() == 23
    with_forms = Procedure.objects.exclude(form_schema=[])
    assert with_forms.count() >= 8
    for procedure in with_forms:
        assert schema_errors(procedure.form_schema) == [], procedure.code
        assert procedure.online_level >= OnlineLevel.PARTIAL, procedure.code
    without_forms = Procedure.objects.filter(form_schema=[])
    assert set(without_forms.values_list("online_level", flat=True)) == {OnlineLevel.FORMS}


def test_level_four_procedures_have_a_fee_that_can_be_computed(output):
    full = Procedure.objects.filter(online_level=OnlineLevel.FULL)
    assert {"2.000635", "2.000815", "1.001612"} <= set(full.values_list("code", flat=True))
    for procedure in full:
        assert compute_fee(procedure.fee_rule, pages=5) >= 0


def test_eforms_prefill_what_the_account_knows(output):
    birth = Procedure.objects.get(code="1.001193")
    fields = {f["name"]: f for step in birth.form_schema for f in step["fields"]}
    assert fields["applicant_id"]["prefill"] == "id_number"
    assert fields["child_birth_date"]["max"] == "today"
    assert not fields["father_name"]["required"]


def test_there_is_an_account_for_every_role(output):
    held = set(StaffRole.objects.values_list("role", flat=True))
    assert held == set(Role.values)
    assert User.objects.filter(kind=AccountKind.CITIZEN).exists()
    assert User.objects.filter(kind=AccountKind.ORGANISATION, username="0101234567").exists()
    assert not User.objects.filter(staff_roles__isnull=False).exclude(kind="staff").exists()


def test_two_wards_have_their_own_receptionist_specialist_and_leader(output):
    for ward in ("Khương Mai", "Khương Đình"):
        roles = StaffRole.objects.filter(agency__name=f"UBND phường {ward}")
        assert set(roles.values_list("role", flat=True)) == {
            Role.RECEPTIONIST,
            Role.SPECIALIST,
            Role.LEADER,
        }


def test_the_citizen_lives_in_khuong_mai_and_can_log_in(output):
    profile = CitizenProfile.objects.get(id_number="001090012345")
    assert profile.user.username == "001090012345"
    assert profile.ward.name == "Phường Khương Mai"
    assert profile.residential_group.parent == profile.ward
    assert profile.user.check_password(DEMO_PASSWORD)


def test_demo_identities_are_valid_and_agree_with_the_profile(output):
    # The demo citizen; the demo year adds neighbours helped by ambassadors.
    profile = CitizenProfile.objects.get(id_number="001090012345")
    facts = describe_id_number(profile.id_number)
    assert (facts.province, facts.birth_year) == ("Hà Nội", profile.date_of_birth.year)
    assert clean_mobile_phone(profile.phone) == profile.phone
    organisation = User.objects.get(kind=AccountKind.ORGANISATION).organisation
    assert clean_tax_code(organisation.tax_code) == "0101234567"


def test_only_the_administrator_reaches_django_admin(output):
    admins = User.objects.filter(is_staff=True)
    assert list(admins.values_list("username", flat=True)) == ["quantri"]
    assert admins.get().is_superuser


def test_school_coordinator_is_tied_to_khuong_dinh_school(output):
    role = StaffRole.objects.get(role=Role.SCHOOL_COORDINATOR)
    assert role.school.name == "THCS Khương Đình"


def test_output_lists_each_account_and_says_demo_only(output):
    assert "CHỈ dùng để trình diễn" in output
    for username in ("001090012345", "kmai.motcua", "kdinh.lanhdao", "quantri", "lanhdaoquan"):
        assert username in output
    # One line per demo login plus the warning; generated citizens and
    # officers of the demo year have no usable password and are not listed.
    logins = [u for u in User.objects.all() if u.has_usable_password()]
    assert output.count(DEMO_PASSWORD) == len(logins) + 1


def test_a_second_run_creates_and_changes_nothing(output):
    before = row_counts()
    report = load_demo()
    assert report.writes == 0
    assert row_counts() == before


def test_a_second_run_keeps_a_changed_password(output):
    user = User.objects.get(username="kmai.motcua")
    user.set_password("mat-khau-moi-2025")
    user.save()
    load_demo()
    user.refresh_from_db()
    assert user.check_password("mat-khau-moi-2025")
    load_demo(reset_passwords=True)
    user.refresh_from_db()
    assert user.check_password(DEMO_PASSWORD)


def test_a_second_run_restores_edited_demo_rows(output):
    Procedure.objects.filter(code="1.001193").update(online_level=OnlineLevel.FORMS)
    report = load_demo()
    assert report.tally.updated["catalogue.Procedure"] == 1
    assert Procedure.objects.get(code="1.001193").online_level == OnlineLevel.PARTIAL
