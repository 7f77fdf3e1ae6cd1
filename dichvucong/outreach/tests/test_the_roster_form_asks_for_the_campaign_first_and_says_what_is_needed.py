"""The roster upload form puts the campaign before the school and marks
as optional only what is: a coordinator must name the school and may name
a campaign; the education office names at least one of the two, a rule
written once in the help text, and leaving both empty is refused with
the same clear message."""

from __future__ import annotations

import re

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import RosterImport
from dichvucong.outreach.tests.helpers import GOOD_ROW
from dichvucong.outreach.tests.rosters import to_csv, upload

URL = "/tuyen-truyen/nhap-danh-sach/"


def _label(html: str, name: str) -> str:
    found = re.search(rf'<label for="id_{name}">(.*?)</label>', html, re.S)
    assert found, name
    return found.group(1)


def _upload(client, **choices: object):  # type: ignore[no-untyped-def]
    return client.post(URL, {"file": upload("ds.csv", to_csv([GOOD_ROW])), **choices})


def test_the_office_chooses_the_campaign_first_and_at_least_one_of_the_two(oc, client) -> None:
    login_verified(client, oc.education)
    html = client.get(URL).content.decode()
    assert html.index('name="campaign"') < html.index('name="school"')
    assert "không bắt buộc" not in _label(html, "campaign")
    assert "không bắt buộc" not in _label(html, "school")
    assert "Chọn ít nhất một trong hai mục Chiến dịch và Trường" in html
    assert "— Tất cả các trường của chiến dịch —" in html
    assert "— Các trường của chiến dịch đã chọn —" not in html

    refused = _upload(client, campaign="", school="").content.decode()
    assert "Chọn trường, hoặc chọn chiến dịch để nhập cho các trường của chiến dịch." in refused
    assert not RosterImport.objects.exists()
    assert _upload(client, campaign=oc.campaign.pk, school="").status_code == 302
    assert _upload(client, campaign="", school=oc.school_a.pk).status_code == 302


def test_a_coordinator_must_name_the_school_and_may_name_a_campaign(oc, client) -> None:
    login_verified(client, oc.coordinator_a)
    html = client.get(URL).content.decode()
    assert html.index('name="campaign"') < html.index('name="school"')
    assert "không bắt buộc" in _label(html, "campaign")
    assert "không bắt buộc" not in _label(html, "school")
    school_select = re.search(r'<select name="school".*?</select>', html, re.S).group(0)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", school_select) == ["THCS Khương Đình"]

    refused = _upload(client, campaign=oc.campaign.pk, school="").content.decode()
    assert "Chọn trường của thầy cô." in refused
    assert not RosterImport.objects.exists()
    assert _upload(client, campaign="", school=oc.school_a.pk).status_code == 302
