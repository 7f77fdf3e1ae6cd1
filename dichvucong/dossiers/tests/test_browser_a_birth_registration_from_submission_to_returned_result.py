"""Issue 3's "Done when", walked as new users would, every person in a
browser of their own with JavaScript off: the citizen on a 390 px phone
submits a birth registration with the birth certificate attached and reads
the dossier code; ward A's receptionist, on a 1024x768 office PC, asks for
two missing documents and prints slip 02; the citizen finds the request
under "Hồ sơ của tôi", uploads the supplement on the dossier's page and
sends it; reception accepts (slip 01), the leader assigns, the specialist
drafts the extract from the procedure's template and forwards, the leader
sends it back with a reason, the specialist corrects the draft and forwards
again, the leader approves (the extract takes number 1/TLKS), reception
returns the result. Every slip
the back office links to (01, 02, the control slip 06 under Circular
03/2025 and the register) is a PDF naming
the dossier. At the end the citizen's timeline tells every step in order,
the event chain is intact, and each status change reached the applicant
by e-mail and SMS."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.events import verify
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import PDF_BYTES, Cast, make_cast
from dichvucong.dossiers.tests.browser_people import (
    OLD_PC,
    PHONE,
    close,
    fits_the_screen,
    menu,
    pdf_behind,
    pdf_text,
    person,
    says,
)
from dichvucong.notifications.models import OutboxMessage
from dichvucong.results.template_data import load_templates

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

CHILD = "Nguyễn Minh An"
MISSING_OTHER = "Bản sao giấy chứng nhận kết hôn của cha mẹ"
# What the citizen's timeline says for each step, in the order they happen.
TIMELINE = [
    "Hồ sơ đã được nộp trực tuyến.",  # submitted
    "Cơ quan yêu cầu bổ sung hồ sơ.",  # supplement requested
    "Đã tải lên tệp bổ sung: Giấy chứng sinh (tệp giay-chung-sinh-ban-ro.pdf).",
    "Đã gửi hồ sơ bổ sung.",  # supplemented
    "Hồ sơ đã được tiếp nhận.",  # accepted
    "Hồ sơ được chuyển cho chuyên viên xử lý.",  # assigned
    "Hồ sơ đã được thẩm định, đang trình lãnh đạo phê duyệt.",  # forwarded
    "Đã có kết quả giải quyết.",  # approved
    "Đã trả kết quả.",  # returned
]


@pytest.fixture
def walk(transactional_db, settings, tmp_path: Path) -> Cast:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    load_templates()
    return make_cast()


def _file(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(PDF_BYTES)
    return str(path)


# --- The citizen ---------------------------------------------------------------


def citizen_submits(page: Page, tmp_path: Path) -> str:
    """From the procedure list to the dossier code; returns the code shown."""
    menu(page, "Thủ tục")
    page.get_by_role("link", name="Đăng ký khai sinh").click()
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").first.click()
    expect(page.get_by_label("Nhận tại Bộ phận Một cửa")).to_be_checked()
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    expect(page.get_by_text("Bước 1/4")).to_be_visible()
    page.get_by_label("Họ, chữ đệm và tên").fill(CHILD)
    page.get_by_label("Ngày sinh").fill("20/11/2026")
    page.get_by_label("Nữ").check()
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_text("Bước 2/4")).to_be_visible()
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_text("Bước 3/4")).to_be_visible()
    page.get_by_label("Giấy chứng sinh").set_input_files(_file(tmp_path, "giay-chung-sinh.pdf"))
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", name="Kiểm tra lại trước khi nộp")).to_be_visible()
    expect(page.get_by_role("link", name="giay-chung-sinh.pdf")).to_be_visible()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    expect(page.get_by_text("Mã hồ sơ của bạn là")).to_be_visible()
    fits_the_screen(page)
    return page.locator(".dfacts .code").inner_text().strip()


def citizen_supplements(page: Page, code: str, tmp_path: Path) -> None:
    """ "Hồ sơ của tôi" shows the request; the dossier's page takes the files."""
    menu(page, "Hồ sơ của tôi")
    card = page.locator(".dossier-list li", has_text=code)
    expect(card.locator(".status")).to_have_text("Yêu cầu bổ sung")
    card.get_by_role("link", name="Đăng ký khai sinh").click()
    request = page.locator("#bo-sung")
    expect(request.get_by_role("heading")).to_have_text("Cơ quan yêu cầu bổ sung hồ sơ")
    expect(request.get_by_role("listitem").filter(has_text="Giấy chứng sinh")).to_be_visible()
    expect(request.get_by_role("listitem").filter(has_text=MISSING_OTHER)).to_be_visible()
    fits_the_screen(page)
    # One box per document asked for (the file then names it), one for others.
    request.get_by_label("Tệp cho: Giấy chứng sinh").set_input_files(
        _file(tmp_path, "giay-chung-sinh-ban-ro.pdf")
    )
    request.get_by_label("Tệp khác (nếu có)").set_input_files(_file(tmp_path, "giay-ket-hon.pdf"))
    request.get_by_label("Ghi chú").fill("Đã chụp lại giấy chứng sinh và bổ sung giấy kết hôn.")
    request.get_by_role("button", name="Gửi bổ sung").click()
    says(page, "Đã gửi hồ sơ bổ sung. Cơ quan sẽ tiếp tục giải quyết.")
    expect(page.locator(".dfacts .status")).to_have_text("Mới đăng ký")
    expect(page.locator("#bo-sung")).to_have_count(0)


# --- The office --------------------------------------------------------------------


def open_dossier(page: Page, code: str) -> None:
    menu(page, "Một cửa")
    page.get_by_role("link", name=code).click()
    expect(page.get_by_role("heading", name=f"Hồ sơ {code}")).to_be_visible()


def press(page: Page, label: str) -> None:
    page.locator(".bo-actions").get_by_role("button", name=label, exact=True).click()


def status_is(page: Page, label: str) -> None:
    expect(page.locator(".bo-state .status")).to_have_text(label)


def slip(page: Page, number: str, code: str) -> str:
    """Slip `number` as linked from the back office: a PDF naming the dossier."""
    text = pdf_text(pdf_behind(page, f"Mẫu {number}"))
    assert code in text, (number, text)
    return text


def reception_asks_for_a_supplement(page: Page, code: str) -> None:
    open_dossier(page, code)
    actions = page.locator(".bo-actions")
    actions.locator("summary", has_text="Yêu cầu bổ sung").click()
    actions.get_by_label("Giấy chứng sinh").check()
    actions.get_by_label("Giấy tờ khác hoặc nội dung cần sửa (mỗi dòng một mục)").fill(
        MISSING_OTHER
    )
    actions.get_by_label("Ghi chú cho người nộp").fill("Ảnh giấy chứng sinh bị mờ.")
    press(page, "Yêu cầu bổ sung")
    says(page, "Đã gửi yêu cầu bổ sung. Hãy in phiếu yêu cầu bổ sung (mẫu 02).")
    status_is(page, "Yêu cầu bổ sung")
    text = slip(page, "02", code)
    assert "Giấy chứng sinh" in text and MISSING_OTHER in text, text


def reception_accepts(page: Page, code: str) -> None:
    page.reload()
    status_is(page, "Mới đăng ký")
    expect(page.get_by_role("link", name="giay-ket-hon.pdf")).to_be_visible()
    press(page, "Tiếp nhận")
    says(page, "Đã tiếp nhận hồ sơ. Ngày hẹn trả kết quả:")
    status_is(page, "Được tiếp nhận")
    assert "hẹn trả kết quả" in slip(page, "01", code).lower()
    slip(page, "06", code)


def leader_assigns(page: Page, code: str) -> None:
    open_dossier(page, code)
    page.get_by_label("Chuyên viên").select_option(label="Phạm Chuyên Viên")
    press(page, "Phân công")
    says(page, "Đã phân công cho Phạm Chuyên Viên.")
    status_is(page, "Đang xử lý")


def specialist_drafts(page: Page, link: str, place: str) -> None:
    """The draft page comes filled from the birth registration template."""
    page.get_by_role("link", name=link).click()
    expect(page.get_by_label("Họ, chữ đệm và tên", exact=True)).to_have_value(CHILD)
    page.get_by_label("Nơi sinh").fill(place)
    page.get_by_role("button", name="Lưu dự thảo").click()
    says(page, "Đã lưu dự thảo kết quả.")


def specialist_forwards(page: Page, code: str) -> None:
    menu(page, "Một cửa")
    page.get_by_label("Chỉ hồ sơ của tôi").check()
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name=code).click()
    specialist_drafts(page, "Soạn dự thảo kết quả", "Bệnh viện Phụ sản Hà Nội")
    page.get_by_label("Ý kiến đề xuất của chuyên viên").fill("Đủ điều kiện đăng ký khai sinh.")
    press(page, "Trình lãnh đạo")
    says(page, "Đã trình lãnh đạo phê duyệt.")


def leader_sends_back(page: Page) -> None:
    page.reload()
    expect(page.get_by_text("Bệnh viện Phụ sản Hà Nội")).to_be_visible()
    actions = page.locator(".bo-actions")
    actions.locator("summary", has_text="Trả lại chuyên viên").click()
    actions.locator("details", has_text="Trả lại chuyên viên").get_by_label("Lý do").fill(
        "Ghi rõ khoa sinh của bệnh viện."
    )
    press(page, "Trả lại chuyên viên")
    says(page, "Đã trả lại chuyên viên để sửa dự thảo kết quả.")


def specialist_corrects_and_forwards(page: Page) -> None:
    page.reload()
    expect(page.get_by_text("Ghi rõ khoa sinh của bệnh viện.").first).to_be_visible()
    specialist_drafts(page, "Sửa dự thảo kết quả", "Khoa Sản, Bệnh viện Phụ sản Hà Nội")
    page.get_by_label("Ý kiến đề xuất của chuyên viên").fill("Đã sửa nơi sinh.")
    press(page, "Trình lãnh đạo")
    says(page, "Đã trình lãnh đạo phê duyệt.")


def leader_approves(page: Page) -> None:
    page.reload()
    expect(page.get_by_text("Đã trình, chờ lãnh đạo phê duyệt")).to_be_visible()
    press(page, "Phê duyệt")
    says(page, "Đã phê duyệt. Hồ sơ đã xử lý xong, chờ trả kết quả.")
    status_is(page, "Đã xử lý xong")
    expect(page.get_by_text("1/TLKS")).to_be_visible()
    text = pdf_text(pdf_behind(page, "Tải kết quả điện tử (PDF)"))
    assert "TRÍCH LỤC KHAI SINH" in text and "Số: 1/TLKS" in text, text
    assert "Khoa Sản, Bệnh viện Phụ sản Hà Nội" in text, text


def reception_returns(page: Page, code: str) -> None:
    page.reload()
    press(page, "Trả kết quả")
    says(page, "Đã trả kết quả cho người nộp.")
    status_is(page, "Đã trả kết quả")
    control = slip(page, "06", code)
    for name in ("Lê Tiếp Nhận", "Phạm Chuyên Viên", "Hoàng Lãnh Đạo"):
        assert name in control, (name, control)
    register = pdf_text(pdf_behind(page, "Sổ theo dõi hồ sơ"))
    assert code in register, register


# --- The end --------------------------------------------------------------------------


def citizen_reads_the_timeline(page: Page, code: str) -> None:
    menu(page, "Hồ sơ của tôi")
    page.locator(".dossier-list li", has_text=code).get_by_role("link").click()
    expect(page.locator(".dfacts .status")).to_have_text("Đã trả kết quả")
    moments = page.locator("ol.timeline > li")
    expect(moments.last).to_contain_text("Đã trả kết quả.")
    lines = moments.all_inner_texts()
    found = iter(lines)
    for step in TIMELINE:
        assert any(step in line for line in found), (step, lines)
    fits_the_screen(page)


def each_status_change_reached_the_applicant(dossier: Dossier) -> None:
    changes = dossier.events.filter(kind=EventKind.STATUS)
    sent = OutboxMessage.objects.filter(dossier=dossier).values_list("dedupe_key", flat=True)
    for event in changes:
        for channel in ("email", "sms"):
            assert f"{event.pk}:{channel}:applicant" in sent, (event.to_status, channel)
    assert changes.count() == 7  # 1, 5, 1, 2, 4, 9, 10


def test_a_birth_registration_goes_from_submission_to_returned_result(
    browser: Browser, live_server, walk: Cast, tmp_path: Path
) -> None:
    citizen = person(browser, live_server.url, "001090012345", PHONE)
    code = citizen_submits(citizen, tmp_path)
    dossier = Dossier.objects.get(code=code)
    assert dossier.status == Status.SUBMITTED and dossier.attachments.count() == 1

    reception = person(browser, live_server.url, "tiepnhan.a", OLD_PC)
    reception_asks_for_a_supplement(reception, code)
    citizen_supplements(citizen, code, tmp_path)
    reception_accepts(reception, code)

    leader = person(browser, live_server.url, "lanhdao.a", OLD_PC)
    leader_assigns(leader, code)
    specialist = person(browser, live_server.url, "chuyenvien.a", OLD_PC)
    specialist_forwards(specialist, code)
    leader_sends_back(leader)
    specialist_corrects_and_forwards(specialist)
    leader_approves(leader)
    reception_returns(reception, code)

    citizen_reads_the_timeline(citizen, code)
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert verify(dossier) == []
    each_status_change_reached_the_applicant(dossier)
    close(citizen, reception, leader, specialist)
