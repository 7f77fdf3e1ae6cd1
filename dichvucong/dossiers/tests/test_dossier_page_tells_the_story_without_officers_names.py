"""The dossier page: status, dates and what happened, told in plain words,
with the office rather than the officer as the one who acted."""

from __future__ import annotations

from dichvucong.catalogue.calendar import office_calendar
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401


def test_reception_and_processing_are_shown_as_the_office(cast, client) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    logged_in(client, cast.applicant)
    html = page_text(client.get(url("detail", dossier)))
    assert dossier.code in html
    assert "Đang xử lý" in html
    assert "Hồ sơ đã được nộp trực tuyến." in html
    assert (
        "Hồ sơ đã được tiếp nhận. Ngày hẹn trả kết quả: " + dossier.due_date.strftime("%d/%m/%Y")
        in html
    )
    assert "Bộ phận Một cửa – UBND phường Khương Mai" in html
    for name in ("Lê Tiếp Nhận", "Phạm Chuyên Viên", "Hoàng Lãnh Đạo"):
        assert name not in html


def test_a_refusal_shows_its_reason(cast, client) -> None:
    dossier = make_dossier(cast, Status.REFUSED)
    logged_in(client, cast.applicant)
    html = page_text(client.get(url("detail", dossier)))
    assert "Hồ sơ không được tiếp nhận." in html
    assert "Sai thẩm quyền" in html


def test_an_apology_shows_the_new_date(cast, client) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    new_date = office_calendar().add_working_days(dossier.due_date, 2)
    lifecycle.apologise(dossier, cast.leader_a, new_date, "Cần xác minh thêm")
    logged_in(client, cast.applicant)
    html = page_text(client.get(url("detail", dossier)))
    assert new_date.strftime("%d/%m/%Y") in html
    assert "Cần xác minh thêm" in html
