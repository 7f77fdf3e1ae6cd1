"""The world the access matrix walks: one district with two sides.

Side A is ward A (its People's Committee, receptionist, specialist and
leader, applicant A and her dossiers in every state a URL needs), school X
in ward A (class, pupils, a training session, a roster import, pupil
ambassador Hà who helps applicant A) and agency A's API key. Side B is
ward B, applicant B, school Y with pupil ambassador Long, and agency B's
key: the roles of side B must reach nothing of side A. Above both sides:
the district's People's Committee (its leadership and administrator) and
its education office, which runs one campaign for both schools.

Built from the usual casts (dossiers/testing.py, the ambassadors' cast's
`add_pupil`, the payment and result helpers) through the real operations,
so codes, events, slips, receipts and result files are real.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import Model
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.api import keys as api_keys
from dichvucong.audit import service as audit
from dichvucong.audit.constants import Action
from dichvucong.catalogue.constants import (
    AgencyKind,
    CalendarDayKind,
    SuccessionKind,
    UnitLevel,
)
from dichvucong.catalogue.models import (
    AdminUnit,
    Agency,
    CalendarDay,
    Procedure,
    ProcedureHandling,
    UnitSuccession,
)
from dichvucong.dossiers import uploads
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.dossiers.testing import (
    BIRTH_FORM_DATA,
    BIRTH_SCHEMA,
    PDF_BYTES,
    Cast,
    add_former_wards,
    former_dossier,
    make_cast,
    make_dossier,
    make_draft,
    pdf_upload,
)
from dichvucong.feedback.tests.helpers import petition
from dichvucong.national import service as national
from dichvucong.outreach import assisted, materials, practice, report, services
from dichvucong.outreach.models import (
    Campaign,
    Material,
    RosterImport,
    School,
    SchoolClass,
    TrainingSession,
)
from dichvucong.outreach.schoolyear import bounds, school_year_of
from dichvucong.outreach.tests.helpers_tests.cast import add_pupil
from dichvucong.payments import services as payments
from dichvucong.payments.tests.helpers import awaiting_payment
from dichvucong.results.models import ResultTemplate
from dichvucong.results.tests.helpers import resolved

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PASSWORD = "matkhau-demo-1"
# The campaign runs in this school year: ambassadors help only within it.
SCHOOL_YEAR = school_year_of(timezone.localdate())
YEAR_START = bounds(SCHOOL_YEAR)[0]


@dataclass
class World:
    """Who acts (users by role, raw API keys by role) and what they act on
    (objects by name); `params` holds URL parameters that are not a row's
    own id (a password-reset link's uidb64 and token)."""

    users: dict[str, User] = field(default_factory=dict)
    # Side A's personal data, by the name access_table.SECRETS gives it.
    secrets: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    objects: dict[str, Any] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)

    firsts: dict[str, Model | None] = field(default_factory=dict)

    def first(self, label: str) -> Model | None:
        """The first row of a model (for the admin's pages), by its label;
        looked up once, as the world's rows never change between tests."""
        if label not in self.firsts:
            self.firsts[label] = apps.get_model(label).objects.order_by("pk").first()
        return self.firsts[label]


def _staff(username: str, role: str, agency: Agency, school: School | None = None) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, full_name=username, kind=AccountKind.STAFF
    )
    StaffRole.objects.create(user=user, role=role, agency=agency, school=school)
    return user


@dataclass
class District:
    committee: Agency
    education: Agency
    school_x: School
    school_y: School
    campaign: Campaign
    class_x: SchoolClass
    class_y: SchoolClass
    group_b: AdminUnit


def _district(cast: Cast) -> District:
    """The district's People's Committee and education office, and the
    campaign they run in school X (ward A) and school Y (ward B)."""
    committee = Agency.objects.create(
        name="UBND quận Thanh Xuân",
        unit_code="T.TX",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=cast.district,
    )
    education = Agency.objects.create(
        name="Phòng Giáo dục và Đào tạo",
        unit_code="T.GD",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=cast.district,
        parent=committee,
    )
    school_x = School.objects.create(name="THCS Khương Mai", ward=cast.ward_a)
    school_y = School.objects.create(name="THCS Khương Đình", ward=cast.ward_b)
    campaign = Campaign.objects.create(
        title=f"Đại sứ số {SCHOOL_YEAR}",
        lead_agency=education,
        start_date=YEAR_START,
        end_date=YEAR_START + timedelta(days=90),
    )
    campaign.schools.set([school_x, school_y])
    group_b = AdminUnit.objects.create(
        name="Tổ dân phố 7", code="T-KD-7", level=UnitLevel.GROUP, parent=cast.ward_b
    )
    return District(
        committee=committee,
        education=education,
        school_x=school_x,
        school_y=school_y,
        campaign=campaign,
        class_x=SchoolClass.objects.create(school=school_x, name="8A1", school_year=SCHOOL_YEAR),
        class_y=SchoolClass.objects.create(school=school_y, name="8B1", school_year=SCHOOL_YEAR),
        group_b=group_b,
    )


def _roles(world: World, cast: Cast, district: District) -> None:
    administrator = User.objects.create_user(
        username="quantri",
        password=PASSWORD,
        full_name="Quản trị hệ thống",
        kind=AccountKind.STAFF,
        is_staff=True,
        is_superuser=True,
    )
    StaffRole.objects.create(user=administrator, role=Role.ADMINISTRATOR, agency=district.committee)
    world.users.update(
        applicant_a=cast.applicant,
        applicant_b=cast.other_applicant,
        receptionist_a=cast.receptionist_a,
        receptionist_b=cast.receptionist_b,
        specialist_a=cast.specialist_a,
        leader_a=cast.leader_a,
        coordinator_x=_staff(
            "thcs.x", Role.SCHOOL_COORDINATOR, district.education, district.school_x
        ),
        coordinator_y=_staff(
            "thcs.y", Role.SCHOOL_COORDINATOR, district.education, district.school_y
        ),
        education_office=_staff("gddt", Role.EDUCATION_OFFICE, district.education),
        district_leadership=_staff("lanhdaoquan", Role.DISTRICT_LEADERSHIP, district.committee),
        administrator=administrator,
    )
    for role, agency in (("api_key_a", cast.agency_a), ("api_key_b", cast.agency_b)):
        _key, raw = api_keys.create_key(agency, Role.RECEPTIONIST, f"Một cửa {role[-1].upper()}")
        world.keys[role] = raw


def _ambassadors(world: World, cast: Cast, district: District) -> None:
    """Pupil ambassador Hà of school X (ward A's group 1) and Long of
    school Y (ward B's group 7), each with a login; pupil Vy of school X,
    consented but without a login, for the roster pages; pupil Minh, erased
    on request (the admin lists erasures)."""
    for role, school_class, name, group in (
        ("helper_a", district.class_x, "Trần Thu Hà", cast.group_a),
        ("helper_b", district.class_y, "Lê Minh Long", district.group_b),
    ):
        pupil = add_pupil(school_class, name, group)
        login = practice.create_pupil_account(pupil, by=None)
        world.users[role] = User.objects.get(username=login.username)
        pupil.ambassadorships.update(since=YEAR_START)
    pupil_x = add_pupil(district.class_x, "Đoàn Khánh Vy", cast.group_a)
    world.objects["pupil_x"] = pupil_x
    world.secrets.update(
        applicant_a_name=cast.applicant.full_name,
        applicant_a_id_number=cast.applicant.username,
        helper_a_name=world.users["helper_a"].full_name,
        pupil_x_name=pupil_x.full_name,
    )
    erased = add_pupil(district.class_x, "Phan Văn Minh", cast.group_a)
    services.erase_pupil(erased, by=world.users["coordinator_x"])


def _outreach(world: World, district: District) -> None:
    session = TrainingSession.objects.create(
        campaign=district.campaign,
        school=district.school_x,
        place="Hội trường",
        starts_at=datetime.combine(YEAR_START, time(8), tzinfo=HANOI),
        ends_at=datetime.combine(YEAR_START, time(10), tzinfo=HANOI),
    )
    session.classes.set([district.class_x])
    services.save_attendance(session, [world.objects["pupil_x"].pk])
    material = Material.objects.create(campaign=district.campaign, title="Hướng dẫn", kind="guide")
    version = materials.add_version(material, ContentFile(PDF_BYTES, name="hd.pdf"))
    roster = RosterImport.objects.create(
        uploaded_by=world.users["coordinator_x"],
        school=district.school_x,
        school_year=SCHOOL_YEAR,
        original_name="danh-sach-8a1.csv",
    )
    report.report_row(district.campaign)
    world.objects.update(
        campaign=district.campaign,
        material=material,
        version=version,
        session_x=session,
        class_x=district.class_x,
        school_x=district.school_x,
        roster_import_x=roster,
    )


def _assisted_draft(helper: User, cast: Cast) -> tuple[Dossier, Attachment]:
    """A complete birth registration Hà filled in for applicant A."""
    applicant = cast.applicant
    details = assisted.ApplicantDetails(
        full_name=applicant.full_name,
        id_number=applicant.username,
        phone=applicant.citizen.phone,
    )
    draft = assisted.start_assisted(helper, cast.procedure, details, ward=cast.ward_a)
    Dossier.objects.filter(pk=draft.pk).update(form_data=dict(BIRTH_FORM_DATA))
    document = cast.procedure.documents.get(required=True)
    attachment = uploads.add_attachment(draft, helper, pdf_upload(), document=document)
    draft.refresh_from_db()
    return draft, attachment


def _helped(world: World, cast: Cast) -> None:
    """Hà's work: a draft for applicant A not yet confirmed, one applicant
    A confirmed (so submitted to ward A), and a practice of her own."""
    helper = world.users["helper_a"]
    draft, attachment = _assisted_draft(helper, cast)
    helped, helped_attachment = _assisted_draft(helper, cast)
    world.objects.update(
        assisted_a=draft,
        assisted_attachment_a=attachment,
        helped_a=assisted.confirm_by_login(helped, cast.applicant),
        helped_attachment_a=helped_attachment,
        practice_a=practice.start_practice(helper, cast.procedure),
    )


def _dossiers(world: World, cast: Cast) -> None:
    """Applicant A's dossiers at ward A, one in each state a URL needs."""
    submitted = make_dossier(cast, Status.SUBMITTED)
    world.objects.update(
        procedure=cast.procedure,
        ward_a=cast.ward_a,
        draft_a=make_draft(cast),
        submitted_a=submitted,
        attachment_a=submitted.attachments.get(),
        accepted_a=make_dossier(cast, Status.ACCEPTED),
        supplement_a=make_dossier(cast, Status.SUPPLEMENT),
        resolved_a=resolved(cast),
        petition_a=petition(agency=cast.agency_a)[0],
    )
    document = cast.procedure.documents.get(required=True)
    document.template.save("to-khai-khai-sinh.pdf", ContentFile(PDF_BYTES), save=True)
    world.objects["document"] = document


def _former_wards(world: World, cast: Cast) -> None:
    """History ward A and ward B took over on 01/07/2025 (testing.add_former_wards):
    a refused dossier of applicant A at Nhân Chính (merged whole into ward
    A) and one still submitted there that nobody moved; refused dossiers
    at Thượng Đình of its group that went to ward A and of its group that
    went to ward B."""
    former = add_former_wards(cast)
    merged = former_dossier(cast, former.merged)
    world.objects.update(
        former_merged_a=merged,
        former_attachment_a=merged.attachments.get(),
        former_open_a=former_dossier(cast, former.merged, status=Status.SUBMITTED),
        former_split_a=former_dossier(cast, former.split, former.resident_to_a),
        former_split_b=former_dossier(cast, former.split, former.resident_to_b),
    )


def _fees(world: World, cast: Cast) -> None:
    """Level-4 dossiers of a procedure with a fee: one waiting to pay, one
    paid at the counter (with its receipt)."""
    fee_procedure = Procedure.objects.create(
        code="2.000815",
        name="Cấp bản sao trích lục hộ tịch",
        field=cast.procedure.field,
        handling_level=cast.procedure.handling_level,
        online_level=cast.procedure.online_level,
        working_days=1,
        result_type="Bản sao trích lục",
        form_schema=BIRTH_SCHEMA,
    )
    fee_procedure.documents.create(name="Giấy chứng sinh", position=1)
    fee_cast = dataclasses.replace(cast, procedure=fee_procedure)
    paid = awaiting_payment(fee_cast)
    world.objects.update(
        awaiting_a=awaiting_payment(fee_cast),
        payment_a=payments.record_counter_payment(paid, cast.receptionist_a),
    )


def _admin_rows(world: World, cast: Cast) -> None:
    """Rows for the admin models nothing above makes."""
    Group.objects.create(name="Biên tập danh mục")
    CalendarDay.objects.create(
        date=datetime(2026, 9, 2).date(), kind=CalendarDayKind.DAY_OFF, note="Quốc khánh"
    )
    audit.record(Action.LOGIN, "đăng nhập", actor=cast.applicant)
    ResultTemplate.objects.create(procedure_code="", title="Văn bản giải quyết", symbol="KQ")
    # A past reorganisation of two units of their own, and a past handling
    # rule: rows for their admin pages that change nothing of today.
    before = AdminUnit.objects.create(
        name="Phường Cũ", code="T-CU", level=UnitLevel.WARD, valid_to=datetime(2019, 12, 31).date()
    )
    after = AdminUnit.objects.create(
        name="Phường Mới",
        code="T-MOI",
        level=UnitLevel.WARD,
        valid_from=datetime(2020, 1, 1).date(),
    )
    UnitSuccession.objects.create(
        predecessor=before,
        successor=after,
        effective_date=datetime(2020, 1, 1).date(),
        kind=SuccessionKind.MERGED,
    )
    ProcedureHandling.objects.create(
        procedure=cast.procedure,
        handling_level=cast.procedure.handling_level,
        valid_to=datetime(2019, 12, 31).date(),
    )
    # The national portal's outbox (empty while DVCQG is not configured).
    submitted = world.objects["submitted_a"]
    national.write_message(submitted, submitted.events.order_by("seq").first())
    applicant = cast.applicant
    world.params.update(
        uidb64=urlsafe_base64_encode(force_bytes(applicant.pk)),
        token=default_token_generator.make_token(applicant),
        procedure_content_type=str(ContentType.objects.get_for_model(Procedure).pk),
    )


def _appointments(world: World, cast: Cast) -> None:
    """Ward A's counter takes appointments; applicant A holds one."""
    from datetime import time, timedelta

    from django.utils import timezone

    from dichvucong.appointments.models import Booking, Slot

    slots = [
        Slot.objects.create(agency=cast.agency_a, weekday=day, start=time(8), capacity=3)
        for day in range(7)
    ]
    tomorrow = timezone.localdate() + timedelta(days=1)
    slot = slots[tomorrow.weekday()]
    world.objects.update(
        counter_agency_a=cast.agency_a,
        booking_a=Booking.objects.create(
            slot=slot,
            agency=cast.agency_a,
            day=tomorrow,
            seat=1,
            procedure=cast.procedure,
            citizen=cast.applicant,
        ),
    )


def _rights_requests(world: World) -> None:
    """Applicant A asks to correct her data; school X files a guardian's
    request about pupil X."""
    from dichvucong.rights import services as rights

    applicant = world.users["applicant_a"]
    world.objects["rights_request_a"] = rights.file_request(
        "correction", "Sửa địa chỉ", by=applicant, account=applicant
    )
    world.objects["rights_request_pupil_x"] = rights.file_request(
        "restriction",
        "Không dùng ảnh của cháu",
        by=world.users["coordinator_x"],
        pupil=world.objects["pupil_x"],
        on_behalf_of="Bố, đến trường",
    )


def _incidents(world: World) -> None:
    """A personal-data incident of long ago, recorded by the administrator:
    its window holds no entry of the trail, so its list names nobody."""
    from dichvucong.breaches.models import Incident

    found = datetime(2025, 3, 10, 9, tzinfo=UTC)
    world.objects["incident"] = Incident.objects.create(
        found_at=found,
        started_at=found.replace(day=8),
        description="Lộ mật khẩu",
        systems=["dossiers"],
        office_name="UBND quận",
        contact_name="Quản trị",
        contact_phone="02438581234",
        recorded_by=world.users["administrator"],
    )


def build_world() -> World:
    world = World()
    cast = make_cast()
    district = _district(cast)
    _roles(world, cast, district)
    _ambassadors(world, cast, district)
    _outreach(world, district)
    _dossiers(world, cast)
    _helped(world, cast)
    _fees(world, cast)
    _former_wards(world, cast)
    _admin_rows(world, cast)
    _appointments(world, cast)
    _rights_requests(world)
    _incidents(world)
    return world
