"""Campaign and report pages say what counts as a completed service in
plain words, not status numbers; the optional training criterion reads
as a filter, is a large checkbox inside its clickable label, and the
criteria form comes before "Gửi báo cáo", which says that criteria and
figures are frozen when sent."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.staticfiles import finders

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.constants import SuccessRule

ACCEPTED = "Hồ sơ đã có kết quả giải quyết trong năm học"
RETURNED = "Kết quả đã được trả cho người nộp trong năm học"


def _pages(client, oc) -> list[str]:  # type: ignore[no-untyped-def]
    urls = [
        f"/tuyen-truyen/chien-dich/{oc.campaign.pk}/",
        f"/bao-cao-tuyen-truyen/chien-dich/{oc.campaign.pk}/",
    ]
    return [client.get(url).content.decode() for url in urls]


def test_the_success_rule_is_said_in_plain_words(oc, client) -> None:
    login_verified(client, oc.education)
    for html in _pages(client, oc):
        assert ACCEPTED in html
        assert not re.search(r"trạng thái (từ )?\d", html)
    oc.campaign.success_rule = SuccessRule.RETURNED
    oc.campaign.save()
    for html in _pages(client, oc):
        assert RETURNED in html
        assert not re.search(r"trạng thái (từ )?\d", html)


def test_the_criteria_come_first_and_read_as_a_filter(oc, client) -> None:
    login_verified(client, oc.education)
    html = client.get(f"/bao-cao-tuyen-truyen/chien-dich/{oc.campaign.pk}/").content.decode()
    assert "Phải dự buổi tuyên truyền" not in html
    label = re.search(
        r'<label class="or-check">(<input type="checkbox"[^>]*>)([^<]*)</label>', html
    )
    assert label, "the checkbox sits inside its label"
    assert 'name="require_trained"' in label.group(1)
    assert label.group(2).strip() == "Chỉ khen học sinh đã dự buổi tuyên truyền"
    # At least 24 px, from the outreach style sheet (no inline style: CSP).
    assert 'class="card or-report-form"' in html
    assert "/static/outreach/outreach.css" in html
    assert (
        ".or-report-form label.or-check input[type=checkbox] "
        "{ width:max(24px, 1.5rem); height:max(24px, 1.5rem); }"
    ) in Path(finders.find("outreach/outreach.css")).read_text()
    # Other optional fields still say so.
    assert 'giới hạn) <span class="meta">(không bắt buộc)</span>' in html

    assert html.index("Tiêu chí khen thưởng</h2>") < html.index("Gửi báo cáo lên UBND quận</h2>")
    sending = html[html.index("Gửi báo cáo lên UBND quận</h2>") :]
    assert "Khi gửi, tiêu chí khen thưởng và số liệu được chốt" in sending
    assert "sau khi gửi không sửa được tiêu chí nữa" in sending


def test_a_report_made_before_the_years_end_says_its_figures_are_provisional(oc, client) -> None:
    login_verified(client, oc.education)
    url = f"/bao-cao-tuyen-truyen/chien-dich/{oc.campaign.pk}/"
    with time_machine.travel(datetime(2017, 7, 31, 16, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))):
        during = client.get(url).content.decode()
    after = client.get(url).content.decode()  # today: long after 31/07/2017

    assert "Số liệu tạm tính: năm học 2016-2017 kéo dài đến hết ngày 31/07/2017." in during
    assert "Số liệu tạm tính" not in after
