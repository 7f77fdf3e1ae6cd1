"""Issue 5's "Done when", walked in real browsers with JavaScript off, one
per person: the education office imports a roster from the sample file,
records a pupil's consents, schedules a session and takes attendance from
the class list; pupil Hà gets her paper login, practises on her phone and
helps her father submit a real birth registration, which the ward accepts;
at year end the office submits the campaign's report, district leadership
approves it, and both files download.

The office also chooses Hà's residential group on her page and prints
her class's login slips from the class page, the password read off the
printed slip as Hà would."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from playwright.sync_api import expect

from dichvucong.accounts.constants import AssuranceLevel, Role
from dichvucong.accounts.models import CitizenProfile, StaffRole, User
from dichvucong.accounts.testing import pass_second_factor
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import PDF_BYTES, make_cast
from dichvucong.outreach.constants import ReportState
from dichvucong.outreach.models import AssistedSubmission, PracticeAttempt, YearEndReport
from dichvucong.outreach.tests.cast import PASSWORD, OutreachCast, make_outreach_cast
from dichvucong.outreach.tests.helpers_tests import sms

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

OLD_PC = {"width": 1024, "height": 768}
PHONE = {"width": 360, "height": 740}
HA, FATHER, FATHER_PHONE, FATHER_ID = "Trần Thu Hà", "Trần Văn Bình", "0912345678", "001075012345"
ROSTER = [
    {
        "Trường": "THCS Khương Đình",
        "Lớp": "8A1",
        "Họ và tên": HA,
        "Năm sinh": "2003",
        "Họ tên phụ huynh": FATHER,
        "SĐT phụ huynh": FATHER_PHONE,
    },
    {
        "Trường": "THCS Khương Đình",
        "Lớp": "8A1",
        "Họ và tên": "Lê Minh Anh",
        "Năm sinh": "2003",
        "Họ tên phụ huynh": "Lê Văn Hùng",
        "SĐT phụ huynh": "0912000111",
    },
    {  # typed by hand: the school's full name, the class in lower case
        "Trường": "Trường THCS Kim Giang",
        "Lớp": "8b1",
        "Họ và tên": "Phạm Gia Huy",
        "Năm sinh": "2004",
        "Họ tên phụ huynh": "Phạm Thị Mai",
        "SĐT phụ huynh": "0987000222",
    },
]
TOTALS = {
    "Số học sinh": "3",
    "Trong đó đã xóa dữ liệu": "0",
    "Đã dự tuyên truyền": "1",
    "Đã thực hành": "1",
    # DESIGN.md §6: her father's dossier reached its result in the year.
    "Học sinh thực hiện thành công": "1",
    "Số hồ sơ thành công": "1",
    "Số hộ được hỗ trợ": "1",
    "Hồ sơ còn đang giải quyết (chưa tính)": "0",
}


@pytest.fixture
def year(transactional_db, settings) -> OutreachCast:  # type: ignore[no-untyped-def]
    """The outreach cast, and next to it the dossiers cast for its birth
    registration procedure (both name a citizen 001090012345)."""
    settings.SMS_PROVIDER = "dichvucong.outreach.tests.helpers_tests.sms.KeepingSmsProvider"
    sms.KeepingSmsProvider.sent.clear()
    cache.clear()
    oc = make_outreach_cast()
    oc.citizen.username = "oc-001090012345"
    oc.citizen.save(update_fields=["username"])
    make_cast()
    return oc


def log_in(
    browser: Browser,
    base: str,
    username: str,
    password: str,
    *,
    viewport: dict[str, int] = OLD_PC,
    next_page: str = "",
) -> Page:
    """A fresh browser without JavaScript, logged in on the login page."""
    context = browser.new_context(java_script_enabled=False, viewport=viewport, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(base + "/tai-khoan/dang-nhap/" + (f"?next={next_page}" if next_page else ""))
    page.get_by_label("Số định danh cá nhân, mã số thuế hoặc tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    pass_second_factor(page, User.objects.get(username=username))
    return page


def says(page: Page, text: str) -> None:
    expect(page.locator(".messages")).to_contain_text(text)


# --- The education office, on an office PC ----------------------------------------------


def roster_file(page: Page, tmp_path: Path) -> Path:
    """The roster written under the columns of the page's sample file."""
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp mẫu CSV").click()
    sample = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(sample)))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([row.get(column, "") for column in header] for row in ROSTER)
    path = tmp_path / "danh-sach-lop-8.csv"
    path.write_bytes(("\ufeff" + buffer.getvalue()).encode())
    return path


def import_roster(page: Page, oc: OutreachCast, tmp_path: Path) -> None:
    page.get_by_role("link", name="Nhập danh sách học sinh").first.click()
    upload = page.locator("form", has=page.get_by_role("button", name="Tải lên và kiểm tra"))
    upload.get_by_label("Tệp danh sách (.xlsx hoặc .csv)").set_input_files(
        str(roster_file(page, tmp_path))
    )
    upload.get_by_label(re.compile(r"^Chiến dịch")).select_option(label=oc.campaign.title)
    upload.get_by_role("button", name="Tải lên và kiểm tra").click()
    page.wait_for_url(re.compile(r".*/tuyen-truyen/nhap-danh-sach/\d+/$"))
    for _attempt in range(10):  # the check runs first; nothing is saved before "Nhập"
        if page.get_by_role("button", name="Nhập 3 học sinh").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    page.get_by_role("button", name="Nhập 3 học sinh").click()
    for _attempt in range(10):  # no JavaScript: the page is reloaded as a person would
        if page.get_by_role("link", name="Xem các lớp").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    says(page, "Đã nhập xong: thêm mới 3, cập nhật 0, không đổi 0 học sinh.")
    page.get_by_role("link", name="Xem các lớp").click()
    for school, name in (("THCS Khương Đình", "8A1"), ("THCS Kim Giang", "8B1")):
        row = page.locator("tbody tr", has_text=school).filter(has_text=name)
        expect(row.locator("td[data-label='Số học sinh']")).to_have_text(
            "2" if name == "8A1" else "1"
        )


def record_consents(page: Page) -> None:
    """Guardian and pupil (aged 7 and over, Decree 13/2023, art. 20)."""
    page.get_by_role("link", name="8A1").click()
    expect(page.get_by_text("2 chưa đủ ý kiến đồng ý")).to_be_visible()
    page.get_by_role("link", name=HA).click()
    for giver in ("Cha mẹ hoặc người giám hộ", "Học sinh"):
        page.get_by_label(giver, exact=True).check()
        page.get_by_label("Đồng ý", exact=True).check()
        page.get_by_label("Hình thức").select_option(label="Phiếu đồng ý bằng giấy")
        page.get_by_role("button", name="Ghi nhận", exact=True).click()
        says(page, "Đã ghi nhận ý kiến.")
    expect(page.locator(".facts .or-ok")).to_have_text("Đã đủ")
    page.get_by_role("link", name="← Lớp 8A1").click()
    row = page.locator("tbody tr", has_text=HA)
    expect(row.locator("td[data-label='Đồng ý']")).to_have_text("Đủ")


def schedule_and_take_attendance(page: Page, oc: OutreachCast) -> None:
    page.get_by_role("link", name="Chiến dịch", exact=True).click()
    page.get_by_role("link", name=oc.campaign.title).click()
    page.get_by_role("link", name="Thêm buổi tuyên truyền").click()
    page.get_by_label("Trường", exact=True).select_option(label="THCS Khương Đình")
    page.get_by_label("Ngày", exact=True).fill("06/03/2017")
    page.get_by_label("Bắt đầu").fill("08:00")
    page.get_by_label("Kết thúc").fill("10:00")
    page.get_by_label("Địa điểm").fill("Phòng tin học")
    page.get_by_label("8A1 – THCS Khương Đình").check()
    page.get_by_role("button", name="Lưu").click()
    says(page, "Đã thêm buổi tuyên truyền.")
    expect(page.get_by_text("Chưa điểm danh")).to_be_visible()
    page.get_by_role("link", name="Điểm danh", exact=True).click()
    page.get_by_label(HA).check()
    page.get_by_role("button", name="Lưu điểm danh").click()
    says(page, "Đã lưu điểm danh: 1/2 học sinh có mặt.")
    expect(page.get_by_text("Có mặt 1/2 học sinh")).to_be_visible()


def issue_the_login_slip(page: Page) -> tuple[str, str]:
    """Hà serves residential group 1; the class page prints the slips of
    the pupils who may have a login (Lê Minh Anh's consents are missing)."""
    page.get_by_role("link", name="Lớp học", exact=True).click()
    page.locator("tbody tr", has_text="THCS Khương Đình").get_by_role("link", name="8A1").click()
    page.get_by_role("link", name=HA).click()
    page.get_by_label("Tổ dân phố học sinh hỗ trợ").select_option(label="Tổ dân phố 1, Khương Đình")
    page.get_by_role("button", name="Lưu tổ dân phố").click()
    says(page, "Đã lưu tổ dân phố học sinh hỗ trợ.")
    page.get_by_role("link", name="← Lớp 8A1").click()
    page.get_by_role("button", name="Cấp tài khoản đại sứ số").click()
    expect(page.get_by_text("Đã cấp 1 tài khoản.")).to_be_visible()
    expect(page.get_by_text("Lê Minh Anh: Chưa có đủ ý kiến đồng ý")).to_be_visible()
    slip = page.locator(".slip", has_text=HA)
    username = slip.locator(".slip-username").inner_text()
    password = slip.locator(".slip-password").inner_text()
    page.get_by_role("link", name="← Lớp 8A1").click()
    row = page.locator("tbody tr", has_text=HA)
    expect(row.locator("td[data-label='Đại sứ số']")).to_contain_text(f"Tài khoản: {username}")
    expect(page.get_by_text(password)).to_have_count(0)
    return username, password


# --- Pupil Hà, on her phone ------------------------------------------------------------------


def fill_birth_registration(page: Page, tmp_path: Path) -> None:
    page.get_by_label("Họ, chữ đệm và tên").fill("Trần Minh Khôi")
    page.get_by_label("Ngày sinh").fill("20/04/2017")
    page.get_by_label("Nam", exact=True).check()
    page.get_by_role("button", name="Tiếp tục").click()
    page.get_by_label(re.compile(r"^Số định danh cá nhân")).fill(FATHER_ID)
    page.get_by_label(re.compile(r"^Số điện thoại")).fill(FATHER_PHONE)
    page.get_by_role("button", name="Tiếp tục").click()
    pdf = tmp_path / "giay-chung-sinh.pdf"
    pdf.write_bytes(PDF_BYTES)
    page.get_by_label("Giấy chứng sinh").set_input_files(str(pdf))
    page.get_by_role("button", name="Tiếp tục").click()


def practise(page: Page, tmp_path: Path) -> None:
    page.get_by_role("link", name="Thực hành", exact=True).first.click()
    page.get_by_role("button", name=re.compile("Thực hành thủ tục này")).click()
    expect(page.get_by_text("THỰC HÀNH – hồ sơ không được gửi tới cơ quan nào")).to_be_visible()
    fill_birth_registration(page, tmp_path)
    page.get_by_role("button", name="Hoàn thành thực hành").click()
    expect(page.get_by_text("Chúc mừng em đã hoàn thành bài thực hành!")).to_be_visible()


def her_father_has_his_own_account(year: OutreachCast) -> None:
    """He registered and confirmed his phone himself (the registration
    journey is tested in accounts): the code can go only to a phone its
    holder confirmed, never to one his daughter types (DESIGN.md §6)."""
    father = User.objects.create_user(username=FATHER_ID, password=PASSWORD, full_name=FATHER)
    CitizenProfile.objects.create(
        user=father,
        id_number=FATHER_ID,
        phone=FATHER_PHONE,
        address="Số 12, ngõ 3",
        ward=year.ward_a,
        assurance=AssuranceLevel.PHONE_CONFIRMED,
    )


def help_her_father_submit(page: Page, tmp_path: Path) -> None:
    page.get_by_role("link", name="Hỗ trợ nộp hồ sơ").first.click()
    page.get_by_role("link", name="Khai giúp một hồ sơ mới").click()
    page.get_by_role("link", name=re.compile("Khai giúp thủ tục này")).click()
    page.get_by_label("Họ và tên người nộp").fill(FATHER)
    page.get_by_label("Số định danh cá nhân của người nộp (12 số)").fill(FATHER_ID)
    page.get_by_label("Số điện thoại di động của người nộp").fill(FATHER_PHONE)
    page.get_by_label("Người nộp đã nhờ tôi khai giúp hồ sơ này").check()
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    expect(page.get_by_text("Bạn đang khai giúp")).to_be_visible()
    page.get_by_label("Họ, chữ đệm và tên").fill("Trần Minh Khôi")
    page.get_by_label("Ngày sinh").fill("20/04/2017")
    page.get_by_label("Nam", exact=True).check()
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_label("Họ tên người đi khai")).to_have_value(FATHER)
    page.get_by_role("button", name="Tiếp tục").click()
    pdf = tmp_path / "giay-chung-sinh-that.pdf"
    pdf.write_bytes(PDF_BYTES)
    page.get_by_label("Giấy chứng sinh").set_input_files(str(pdf))
    page.get_by_role("button", name="Tiếp tục").click()
    page.get_by_role("button", name="Gửi mã xác nhận cho người nộp").click()
    # Her father reads the code from his SMS.
    assert sms.KeepingSmsProvider.sent[-1][0] == FATHER_PHONE
    page.get_by_label("Mã xác nhận (6 chữ số)").fill(sms.last_code(sms.KeepingSmsProvider.sent))
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url(re.compile(r".*/dai-su-so/ho-tro/[0-9a-f-]{36}/$"))
    expect(page.get_by_text("Đã nộp hồ sơ. Mã hồ sơ là")).to_be_visible()


def the_ward_accepts(browser: Browser, base: str, dossier: Dossier) -> None:
    reception = log_in(browser, base, "motcua", PASSWORD)
    reception.get_by_role("link", name=dossier.code).click()
    reception.locator("form[action$='/accept/'] button[type=submit]").click()
    says(reception, "Đã tiếp nhận hồ sơ")
    reception.context.close()


def the_ward_issues_the_result(dossier: Dossier) -> None:
    """The specialist and the leader's steps have their own journeys
    (backoffice, results); here they run through the same lifecycle."""
    specialist = _ward_staff("chuyenvien.kd", Role.SPECIALIST, dossier)
    leader = _ward_staff("lanhdao.kd", Role.LEADER, dossier)
    dossier = lifecycle.assign(dossier, leader, specialist)
    dossier = lifecycle.forward(dossier, specialist, "Đủ điều kiện đăng ký khai sinh.")
    lifecycle.approve(dossier, leader)


def _ward_staff(username: str, role: str, dossier: Dossier) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, full_name=username)
    StaffRole.objects.create(user=user, role=role, agency=dossier.agency)
    return user


# --- Year end ------------------------------------------------------------------------------------


def open_report(page: Page, base: str, oc: OutreachCast) -> None:
    menu = page.get_by_role("navigation", name="Điều hướng chính")
    menu.get_by_role("link", name="Báo cáo tuyên truyền").click()
    page.get_by_role("link", name=oc.campaign.title).click()
    heading = "Báo cáo kết quả tuyên truyền năm học 2016-2017"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def expect_the_year_counted(page: Page) -> None:
    total = page.locator("tfoot tr", has_text="Toàn quận")
    for label, value in TOTALS.items():
        expect(total.locator(f"td[data-label='{label}']")).to_have_text(value)


def submit_report(page: Page) -> None:
    expect_the_year_counted(page)
    expect(page.locator("#khen-thuong + p + table")).to_contain_text(HA)
    page.get_by_role("button", name="Gửi báo cáo").click()
    says(page, "Đã gửi báo cáo lên UBND quận; số liệu đã được chốt.")
    expect(page.get_by_text("Đã gửi UBND quận – gửi ngày")).to_be_visible()
    expect(page.get_by_role("button", name="Gửi báo cáo")).to_have_count(0)


def approve_report(page: Page) -> None:
    expect(page.get_by_text("Đã gửi UBND quận – gửi ngày")).to_be_visible()
    expect_the_year_counted(page)
    expect(page.get_by_text(HA)).to_have_count(0)  # names stay with the schools
    page.get_by_label("Tôi đã xem số liệu và đồng ý phê duyệt").check()
    page.get_by_role("button", name="Phê duyệt", exact=True).click()
    says(page, "Đã phê duyệt báo cáo.")
    expect(page.get_by_text("UBND quận đã phê duyệt – phê duyệt ngày")).to_be_visible()
    expect(page.get_by_text("Số liệu đã chốt khi gửi")).to_be_visible()
    expect(page.get_by_role("button", name="Phê duyệt", exact=True)).to_have_count(0)


def download(page: Page, base: str, link: str, content_type: str, magic: bytes) -> None:
    href = page.get_by_role("link", name=link).get_attribute("href")
    response = page.context.request.get(base + str(href))
    assert response.status == 200, response.status
    assert response.headers["content-type"] == content_type
    assert "-approved." in response.headers["content-disposition"]
    assert response.body().startswith(magic)


# The casts' school year is 2016-2017: the journey is lived in it, since
# DESIGN.md §6 counts only results reached within the campaign's year.
IN_THE_SCHOOL_YEAR = datetime(2017, 5, 15, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_the_education_office_runs_the_campaign_year_without_javascript(
    browser: Browser, live_server, year: OutreachCast, tmp_path: Path
) -> None:
    with time_machine.travel(IN_THE_SCHOOL_YEAR, tick=True):
        the_year(browser, live_server.url, year, tmp_path)


def the_year(browser: Browser, base: str, year: OutreachCast, tmp_path: Path) -> None:
    office = log_in(browser, base, "gddt", PASSWORD)
    office.wait_for_url("**/tuyen-truyen/")
    import_roster(office, year, tmp_path)
    record_consents(office)
    schedule_and_take_attendance(office, year)

    username, password = issue_the_login_slip(office)
    # Her slip gives the address: nothing links "Hồ sơ của tôi" to the ambassador pages.
    ha = log_in(browser, base, username, password, viewport=PHONE)
    ha.wait_for_url("**/dai-su-so/")  # an ambassador's start page
    practise(ha, tmp_path)
    her_father_has_his_own_account(year)
    help_her_father_submit(ha, tmp_path)
    ha.context.close()
    dossier = Dossier.objects.get(is_practice=False)
    the_ward_accepts(browser, base, dossier)
    assert Dossier.objects.get(pk=dossier.pk).status == Status.ACCEPTED
    the_ward_issues_the_result(Dossier.objects.get(pk=dossier.pk))
    assert AssistedSubmission.objects.get(dossier=dossier).confirmed_at is not None
    assert PracticeAttempt.objects.get().completed_at is not None

    open_report(office, base, year)
    submit_report(office)
    leadership = log_in(browser, base, "lanhdaoquan", PASSWORD)
    open_report(leadership, base, year)
    approve_report(leadership)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    download(leadership, base, "Tải bảng tính (XLSX)", xlsx, b"PK")
    download(leadership, base, "Tải bản in (PDF)", "application/pdf", b"%PDF")
    office.reload()
    expect(office.get_by_text("UBND quận đã phê duyệt – phê duyệt ngày")).to_be_visible()
    download(office, base, "Tải bản in (PDF)", "application/pdf", b"%PDF")
    assert YearEndReport.objects.get(campaign=year.campaign).state == ReportState.APPROVED
