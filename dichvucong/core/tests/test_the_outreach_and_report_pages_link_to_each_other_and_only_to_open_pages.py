"""The campaign pages (/tuyen-truyen/) and the year-end report
(/bao-cao-tuyen-truyen/) share one sub-menu, which offers each role only
the pages it may open: district leadership reads and is not offered the
roster import, a school coordinator has no residential areas, a ward
receptionist reaches the residential areas only."""

from __future__ import annotations

import pytest

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.core.tests.everyone import make_everyone
from dichvucong.core.tests.menus import OUTREACH, labels, menu

CAMPAIGNS, CLASSES, IMPORT = "Chiến dịch", "Lớp học", "Nhập danh sách học sinh"
REPORT, AREAS = "Báo cáo cuối năm", "Khu dân cư điện tử"

EXPECTED = {
    "education office": [CAMPAIGNS, CLASSES, IMPORT, REPORT, AREAS],
    "school coordinator": [CAMPAIGNS, CLASSES, IMPORT, REPORT],
    "district leadership": [CAMPAIGNS, CLASSES, REPORT, AREAS],
}


@pytest.fixture
def everyone(db) -> dict[str, User]:  # type: ignore[no-untyped-def]
    return make_everyone()


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("start", ["/tuyen-truyen/", "/bao-cao-tuyen-truyen/"])
def test_both_layouts_offer_the_same_open_pages(client, everyone, role, start) -> None:
    login_verified(client, everyone[role])
    page = client.get(start)
    assert page.status_code == 200
    assert labels(page, OUTREACH) == EXPECTED[role]
    for link in menu(page, OUTREACH):
        response = client.get(link.url)
        assert response.status_code == 200, (role, link)
        assert [shown.label for shown in menu(response, OUTREACH) if shown.current] == [link.label]


def test_leadership_is_not_offered_the_roster_import_it_may_not_use(client, everyone) -> None:
    login_verified(client, everyone["district leadership"])
    page = client.get("/tuyen-truyen/lop/")
    assert "/tuyen-truyen/nhap-danh-sach/" not in page.content.decode()
    assert client.get("/tuyen-truyen/nhap-danh-sach/").status_code == 403


def test_a_ward_receptionist_is_offered_the_residential_areas_only(client, everyone) -> None:
    login_verified(client, everyone["receptionist"])
    page = client.get("/bao-cao-tuyen-truyen/khu-dan-cu-dien-tu/")
    assert page.status_code == 200
    assert labels(page, OUTREACH) == [AREAS]
    assert client.get("/bao-cao-tuyen-truyen/").status_code == 403
