"""The 2017 campaign of the seed article: Phòng GD&ĐT trains the grade-8
pupils of ten public lower-secondary schools, 01/03/2017 to 16/03/2017.

Classes, pupils and guardians are generated (the real rosters are minors'
data we must not have): Vietnamese names drawn from common family, middle
and given names, guardians' mobile numbers of the 09x series, consents for
nearly everyone, one or two sessions per school with about 95% present.
Every random choice comes from a generator seeded by a fixed value and the
school/class name, so every load produces the same people. Safe to run
twice: rows are matched by natural key and classes that already have
pupils are left alone. Rows are written with bulk_create (≈ 2,100 pupils).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

from dichvucong.accounts.models import User
from dichvucong.catalogue.models import AdminUnit
from dichvucong.demo.master import Master
from dichvucong.demo.store import Tally, upsert
from dichvucong.outreach import materials, pdf, roster
from dichvucong.outreach.constants import ConsentGiver, ConsentMethod, MaterialKind
from dichvucong.outreach.models import (
    Attendance,
    Campaign,
    Consent,
    Guardian,
    Material,
    MaterialVersion,
    Pupil,
    School,
    SchoolClass,
    TrainingSession,
)
from dichvucong.outreach.practice import ambassador_groups

DATA_FILE = Path(__file__).resolve().parent / "data" / "thanh_xuan_2017.json"
SEED = 2017
SCHOOL_YEAR = "2016-2017"
EDUCATION_OFFICE = "Phòng Giáo dục và Đào tạo"
RECORDED_BY = "gddt"  # the demo education officer, when people are loaded
OPENING_SCHOOL = "THCS Việt Nam - Angiêri"  # the article's launch session
MATERIALS_ISSUED = datetime(2017, 2, 24, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
PRESENT_RATE = 0.95
GUARDIAN_CONSENT_RATE = 0.97
PUPIL_CONSENT_RATE = 0.98

# Weighted by how common they are (roughly the national shares).
FAMILY_NAMES = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Phan", 4),
    ("Vũ", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 1),
    ("Ngô", 1),
    ("Dương", 1),
    ("Lý", 1),
    ("Đinh", 1),
    ("Trịnh", 1),
]
MIDDLE = {
    "m": [
        "Văn",
        "Đức",
        "Minh",
        "Quang",
        "Hoàng",
        "Tuấn",
        "Gia",
        "Thành",
        "Hữu",
        "Anh",
        "Đình",
        "Xuân",
        "Bảo",
        "Trung",
    ],
    "f": [
        "Thị",
        "Ngọc",
        "Thu",
        "Thanh",
        "Phương",
        "Minh",
        "Khánh",
        "Bảo",
        "Hà",
        "Thùy",
        "Diệu",
        "Mai",
        "Thị",
        "Hồng",
    ],
}
GIVEN = {
    "m": [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Duy",
        "Đạt",
        "Đức",
        "Hải",
        "Hiếu",
        "Hoàng",
        "Hùng",
        "Huy",
        "Khang",
        "Khánh",
        "Khoa",
        "Kiên",
        "Lâm",
        "Long",
        "Mạnh",
        "Minh",
        "Nam",
        "Nghĩa",
        "Phong",
        "Phúc",
        "Quân",
        "Quang",
        "Sơn",
        "Tài",
        "Thắng",
        "Thành",
        "Trung",
        "Tuấn",
        "Tùng",
        "Việt",
        "Vinh",
    ],
    "f": [
        "Anh",
        "Châu",
        "Chi",
        "Dung",
        "Giang",
        "Hà",
        "Hằng",
        "Hạnh",
        "Hiền",
        "Hoa",
        "Hương",
        "Huyền",
        "Lan",
        "Linh",
        "Ly",
        "Mai",
        "My",
        "Ngân",
        "Ngọc",
        "Nhung",
        "Oanh",
        "Phương",
        "Quỳnh",
        "Thảo",
        "Thư",
        "Trang",
        "Uyên",
        "Vân",
        "Vy",
        "Yến",
    ],
}
MOBILE_PREFIXES = ["090", "091", "093", "094", "096", "097", "098"]


class NameMaker:
    """Plausible Vietnamese names and mobile numbers from one seeded
    generator. Also used by the tests' roster generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.families = [name for name, _ in FAMILY_NAMES]
        self.weights = [weight for _, weight in FAMILY_NAMES]

    def family(self) -> str:
        return self.rng.choices(self.families, self.weights)[0]

    def person(self, sex: str, family: str | None = None) -> str:
        middle, given = self.rng.choice(MIDDLE[sex]), self.rng.choice(GIVEN[sex])
        return f"{family or self.family()} {middle} {given}"

    def pupil(self) -> tuple[str, str]:
        """(pupil's name, a parent's name): the father shares the family
        name; a mother usually has her own."""
        family = self.family()
        pupil = self.person(self.rng.choice("mf"), family)
        if self.rng.random() < 0.6:
            return pupil, self.person("m", family)
        return pupil, self.person("f")

    def phone(self) -> str:
        return self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"


@dataclass(frozen=True)
class SessionPlan:
    school: School
    day: date
    start: time
    classes: list[SchoolClass]
    place: str
    presenters: str


def load_outreach(master: Master, tally: Tally) -> None:
    """Load the 2017 campaign. Call after load_master and load_people."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))["campaign_2017"]
    campaign = _campaign(master, data, tally)
    versions = _materials(campaign, tally)
    classes = _classes(list(campaign.schools.all()), tally)
    _pupils(classes, tally)
    _sessions(campaign, classes, versions, tally)


# --- Campaign and materials ----------------------------------------------------


def _campaign(master: Master, data: dict[str, Any], tally: Tally) -> Campaign:
    campaign = upsert(
        Campaign,
        tally,
        {"title": data["title"]},
        {
            "lead_agency": master.department(EDUCATION_OFFICE),
            "approved_by": data["approved_by"],
            "start_date": date.fromisoformat(data["start"]),
            "end_date": date.fromisoformat(data["end"]),
            "target_grade": data["grade"],
            "target_pupils": data["students_at_least"],
            "goals": (
                "Trang bị cho học sinh lớp 8 kiến thức và kĩ năng cơ bản về dịch vụ công trực "
                "tuyến mức độ 3 và 4, để các em giới thiệu, hướng dẫn, giúp đỡ cha mẹ, người "
                "thân sử dụng; trở thành tuyên truyền viên ở các khu dân cư điện tử. "
                f"{data['year_end_report']}."
            ),
        },
    )
    wanted = {school.pk for school in master.schools.values()}
    if set(campaign.schools.values_list("pk", flat=True)) != wanted:
        campaign.schools.set(wanted)
        tally.updated[Campaign._meta.label] += 1
    return campaign


def _materials(campaign: Campaign, tally: Tally) -> list[MaterialVersion]:
    uploader = User.objects.filter(username=RECORDED_BY).first()
    made = []
    for title, kind, description, builder in MATERIALS:
        material = upsert(
            Material,
            tally,
            {"campaign": campaign, "title": title},
            {"kind": kind, "description": description},
        )
        version = material.latest_version()
        if version is None:
            upload = ContentFile(builder(), name=f"{kind}.pdf")
            version = materials.add_version(
                material, upload, note="Bản phát hành đầu tiên", by=uploader
            )
            # Dated as issued before the campaign, not as loaded.
            version.uploaded_at = MATERIALS_ISSUED
            MaterialVersion.objects.filter(pk=version.pk).update(uploaded_at=MATERIALS_ISSUED)
            tally.created[MaterialVersion._meta.label] += 1
        made.append(version)
    return made


# --- Classes, pupils, guardians, consents -----------------------------------------


def _classes(schools: list[School], tally: Tally) -> list[SchoolClass]:
    existing = {
        (c.school_id, c.name): c
        for c in SchoolClass.objects.filter(school__in=schools, school_year=SCHOOL_YEAR)
    }
    missing = []
    for school in schools:
        count = random.Random(f"{SEED}:{school.name}").randint(4, 6)
        for number in range(1, count + 1):
            if (school.pk, f"8A{number}") not in existing:
                missing.append(
                    SchoolClass(school=school, name=f"8A{number}", school_year=SCHOOL_YEAR, grade=8)
                )
    SchoolClass.objects.bulk_create(missing)
    tally.created[SchoolClass._meta.label] += len(missing)
    wanted = {(c.school_id, c.name) for c in missing} | set(existing)
    return [
        c
        for c in SchoolClass.objects.filter(
            school__in=schools, school_year=SCHOOL_YEAR
        ).select_related("school")
        if (c.school_id, c.name) in wanted
    ]


def _pupils(classes: list[SchoolClass], tally: Tally) -> None:
    """The rosters go through the schools' own import (roster.import_table),
    with ward and residential group columns: a first pass adds the pupils,
    the consent forms come back, and the same file again saves the groups
    of the pupils whose consents allow it, as a school would do."""
    filled = set(
        Pupil.objects.filter(school_class__in=classes).values_list("school_class_id", flat=True)
    )
    todo = [school_class for school_class in classes if school_class.pk not in filled]
    if not todo:
        return
    schools = list({c.school_id: c.school for c in todo}.values())
    table = _roster_table(todo)
    guardians_before = Guardian.objects.count()
    first = roster.import_table(table, schools, SCHOOL_YEAR)
    pupils = Pupil.objects.filter(school_class__in=todo)
    rank = _fresh_ids(SchoolClass)
    consents = [c for pupil in pupils for c in _consents(pupil, rank[pupil.school_class_id])]
    Consent.objects.bulk_create(consents, batch_size=500)
    roster.import_table(table, schools, SCHOOL_YEAR)
    tally.created[Guardian._meta.label] += Guardian.objects.count() - guardians_before
    tally.created[Pupil._meta.label] += first.created
    tally.created[Consent._meta.label] += len(consents)


def _roster_table(classes: list[SchoolClass]) -> list[tuple[int, list[Any]]]:
    """The demo's roster as a file's rows: header first, then one line per
    pupil with the ward and group the pupil will serve (one of the
    school's ward, chosen by a generator seeded with the pupil's name)."""
    header = list(roster.COLUMNS.values())
    rows: list[tuple[int, list[Any]]] = [(1, header)]
    groups: dict[int, list[AdminUnit]] = {}
    for school_class in classes:
        school = school_class.school
        if school.pk not in groups:
            groups[school.pk] = list(
                ambassador_groups(school).select_related("parent").order_by("code")
            )
        for name, year, parent, phone in _class_roster(school_class):
            rng = random.Random(f"{SEED}:group:{school.name}:{school_class.name}:{name}")
            group = rng.choice(groups[school.pk]) if groups[school.pk] else None
            ward = group.parent.name if group and group.parent else ""
            line = [school.name, school_class.name, name, year, parent, phone, ward]
            rows.append((len(rows) + 1, [*line, group.name if group else ""]))
    return rows


def _class_roster(school_class: SchoolClass) -> list[tuple[str, int, str, str]]:
    """(pupil, year of birth, parent, parent's phone) of one class."""
    rng = random.Random(f"{SEED}:{school_class.school.name}:{school_class.name}")
    names = NameMaker(rng)
    size = rng.randint(35, 45)
    lines: list[tuple[str, int, str, str]] = []
    seen: set[str] = set()
    while len(lines) < size:
        pupil_name, parent_name = names.pupil()
        if pupil_name in seen:
            continue
        seen.add(pupil_name)
        # Most were born in 2003; a few started school a year late.
        year = 2003 if rng.random() < 0.93 else 2002
        lines.append((pupil_name, year, parent_name, names.phone()))
    return lines


def _fresh_ids(model: type[models.Model]) -> dict[int, int]:
    """Each row's place (1, 2, …) in the order its table's rows were made:
    its id in a fresh database, and the same in one whose ids started higher
    (a test database on PostgreSQL, whose sequences never roll back).
    Seeding by the id itself gave other consents and attendance there, so
    other figures."""
    pks = model.objects.order_by("pk").values_list("pk", flat=True)
    return {pk: n for n, pk in enumerate(pks, start=1)}


def _consents(pupil: Pupil, class_rank: int) -> list[Consent]:
    """Paper forms sent home in the last week of February; the pupils'
    own consent taken in class the same day the form came back."""
    rng = random.Random(f"{SEED}:consent:{class_rank}:{pupil.full_name}")
    day = datetime(2017, 2, rng.randint(20, 28), 9, 0)
    when = timezone.make_aware(day + timedelta(minutes=rng.randint(0, 400)))
    rows = []
    if rng.random() < GUARDIAN_CONSENT_RATE:
        rows.append(
            Consent(
                pupil=pupil,
                giver=ConsentGiver.GUARDIAN,
                given=True,
                method=ConsentMethod.PAPER,
                recorded_at=when,
            )
        )
    if rng.random() < PUPIL_CONSENT_RATE:
        rows.append(
            Consent(
                pupil=pupil,
                giver=ConsentGiver.PUPIL,
                given=True,
                method=ConsentMethod.IN_PERSON,
                recorded_at=when,
            )
        )
    return rows


# --- Sessions and attendance ---------------------------------------------------------


def _sessions(
    campaign: Campaign, classes: list[SchoolClass], versions: list[MaterialVersion], tally: Tally
) -> None:
    existing = set(
        TrainingSession.objects.filter(campaign=campaign).values_list("school_id", "starts_at")
    )
    days = _weekdays(campaign.start_date, campaign.end_date)
    created = []
    for plan in _plans(campaign, classes, days):
        starts = timezone.make_aware(datetime.combine(plan.day, plan.start))
        if (plan.school.pk, starts) in existing:
            continue
        session = TrainingSession.objects.create(
            campaign=campaign,
            school=plan.school,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            place=plan.place,
            presenters=plan.presenters,
        )
        session.classes.set(plan.classes)
        session.materials.set(versions)
        created.append(session)
    tally.created[TrainingSession._meta.label] += len(created)
    _attendance(created, tally)


def _weekdays(first: date, last: date) -> list[date]:
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [day for day in days if day.weekday() < 5]


def _plans(campaign: Campaign, classes: list[SchoolClass], days: list[date]) -> list[SessionPlan]:
    """One session for a school of four classes, two for larger ones; the
    article's launch at THCS Việt Nam - Angiêri on the first morning."""
    plans = []
    for school in campaign.schools.order_by("name"):
        own = sorted((c for c in classes if c.school_id == school.pk), key=lambda c: c.name)
        rng = random.Random(f"{SEED}:sessions:{school.name}")
        count = 1 if len(own) <= 4 else 2
        chosen = sorted(rng.sample(days[1:], count))
        if school.name == OPENING_SCHOOL:
            chosen[0] = days[0]
        half = (len(own) + 1) // 2 if count == 2 else len(own)
        for index, day in enumerate(chosen):
            group = own[:half] if index == 0 else own[half:]
            start = (
                time(8, 0)
                if school.name == OPENING_SCHOOL and index == 0
                else (rng.choice([time(8, 0), time(14, 0)]))
            )
            place = f"{rng.choice(PLACES)}, trường {school.name}"
            plans.append(
                SessionPlan(
                    school,
                    day,
                    start,
                    group,
                    place,
                    PRESENTERS.get(school.name, DEFAULT_PRESENTERS),
                )
            )
    return plans


def _attendance(sessions: list[TrainingSession], tally: Tally) -> None:
    rows = []
    school_rank = _fresh_ids(School)
    for session in sessions:
        rank = school_rank[session.school_id]
        rng = random.Random(f"{SEED}:attendance:{rank}:{session.starts_at}")
        pupils = Pupil.objects.filter(school_class__in=session.classes.all()).order_by("pk")
        rows.extend(
            Attendance(session=session, pupil_id=pk, present=rng.random() < PRESENT_RATE)
            for pk in pupils.values_list("pk", flat=True)
        )
    Attendance.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    tally.created[Attendance._meta.label] += len(rows)


PLACES = ["Hội trường", "Phòng tin học", "Phòng đa năng"]
DEFAULT_PRESENTERS = "Báo cáo viên Phòng GD&ĐT quận Thanh Xuân\nGiáo viên Tin học của trường"
PRESENTERS = {
    OPENING_SCHOOL: (
        "Báo cáo viên Phòng GD&ĐT quận Thanh Xuân\n"
        "Dự và phát biểu: đồng chí Nguyễn Xuân Lưu – Phó Bí thư Quận ủy, "
        "Chủ tịch UBND quận"
    ),
    "THCS Khương Đình": (
        "Thầy Nguyễn Thế Tuấn – Phó Hiệu trưởng trường THCS Khương Đình\n"
        "Báo cáo viên Phòng GD&ĐT quận Thanh Xuân"
    ),
}


# --- Material contents ------------------------------------------------------------------

GUIDE_SECTIONS = [
    pdf.Section(
        "1. Dịch vụ công trực tuyến mức độ 3 và 4 là gì?",
        [
            "Mức độ 3: người dân điền và gửi hồ sơ qua mạng, nhận kết quả tại Bộ phận Tiếp "
            "nhận và Trả kết quả. Mức độ 4: nộp hồ sơ, nộp phí và nhận kết quả đều trực tuyến.",
            "Nhờ đó, mọi công dân, doanh nghiệp có thể giao tiếp với chính quyền 24/24 giờ, "
            "tại bất cứ nơi đâu có kết nối internet.",
        ],
    ),
    pdf.Section(
        "2. Tạo tài khoản",
        [
            "Người dân đăng ký tài khoản bằng số định danh cá nhân 12 số in trên thẻ căn cước "
            "và số điện thoại di động. Mật khẩu phải được giữ bí mật, không đưa cho người khác, "
            "kể cả người đang giúp mình.",
        ],
    ),
    pdf.Section(
        "3. Nộp hồ sơ",
        [
            "Tìm thủ tục theo tên hoặc lĩnh vực, đọc kĩ thành phần hồ sơ, điền tờ khai điện "
            "tử, đính kèm bản chụp giấy tờ (PDF, JPG hoặc PNG) rồi gửi. Hệ thống cấp mã hồ sơ "
            "để tra cứu.",
        ],
    ),
    pdf.Section(
        "4. Theo dõi hồ sơ và nhận kết quả",
        [
            "Tra cứu bằng mã hồ sơ ở trang Tra cứu. Khi được yêu cầu bổ sung, người nộp bổ "
            "sung một lần, đầy đủ, trong thời hạn ghi trên thông báo.",
        ],
    ),
    pdf.Section(
        "5. Giúp cha mẹ, người thân: những điều cần nhớ",
        [
            "Chỉ giúp khi người thân đồng ý. Người nộp hồ sơ xác nhận bằng mã gửi đến điện "
            "thoại hoặc thư điện tử của chính họ, hoặc tự đăng nhập.",
            "Không chụp lại, không giữ giấy tờ của người khác trên điện thoại của mình. Sau khi "
            "nộp, em chỉ xem được trạng thái hồ sơ, không xem được giấy tờ.",
        ],
    ),
]
SLIDE_PAGES = [
    pdf.Section(
        "Vì sao cần dịch vụ công trực tuyến?",
        [
            "• Nộp hồ sơ 24/24 giờ, không phải xếp hàng",
            "• Theo dõi hồ sơ mọi lúc",
            "• Nhiều người dân còn thiếu thiết bị và kĩ năng: các em có thể giúp",
        ],
    ),
    pdf.Section(
        "Các bước nộp một hồ sơ",
        ["1. Chọn thủ tục", "2. Điền tờ khai", "3. Đính kèm giấy tờ", "4. Gửi và ghi lại mã hồ sơ"],
    ),
    pdf.Section(
        "Trở thành đại sứ số",
        [
            "• Hướng dẫn cha mẹ, người thân, hàng xóm",
            "• Luôn hỏi ý kiến người được giúp",
            "• Giữ bí mật thông tin của người khác",
        ],
    ),
]
SUBTITLE = "Phòng Giáo dục và Đào tạo quận Thanh Xuân – tháng 3/2017"
MATERIALS = [
    (
        "Tài liệu hướng dẫn sử dụng dịch vụ công trực tuyến mức độ 3 và 4",
        MaterialKind.GUIDE,
        "Tài liệu phát cho học sinh lớp 8 tại các buổi tuyên truyền.",
        lambda: pdf.document(
            "Hướng dẫn sử dụng dịch vụ công trực tuyến mức độ 3 và 4", SUBTITLE, GUIDE_SECTIONS
        ),
    ),
    (
        "Bài trình chiếu buổi tuyên truyền",
        MaterialKind.SLIDES,
        "Bài trình chiếu của báo cáo viên (bản in PDF).",
        lambda: pdf.slides(
            "Tuyên truyền dịch vụ công trực tuyến cho học sinh lớp 8", SUBTITLE, SLIDE_PAGES
        ),
    ),
]
