"""Registration lists residential groups under their ward, "Tổ 2" before
"Tổ 10", so that without JavaScript a resident finds their ward's block;
a group of another ward is refused on the server."""

from __future__ import annotations

import re

from django.urls import reverse

from dichvucong.accounts import services
from dichvucong.accounts.tests.conftest import unit


def test_groups_sort_naturally_within_their_ward(units):
    unit("Tổ 10", "00352-10", "group", units["ward_a"])
    unit("Tổ 3", "00352-03", "group", units["ward_a"])
    listed = [
        (ward.name, [group.name for group in groups]) for ward, groups in services.groups_by_ward()
    ]
    assert listed == [
        ("Phường Khương Trung", ["Tổ 1", "Tổ 2", "Tổ 3", "Tổ 10"]),
        ("Phường Nhân Chính", ["Tổ 1"]),
    ]


def test_the_page_lists_each_wards_groups_in_its_own_block(client, units):
    unit("Tổ 10", "00352-10", "group", units["ward_a"])
    page = client.get(reverse("accounts:register")).content.decode()
    blocks = dict(re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', page, re.S))
    khuong_trung = re.findall(r">(Tổ \d+)</option>", blocks["Phường Khương Trung"])
    assert khuong_trung == ["Tổ 1", "Tổ 2", "Tổ 10"]
    assert re.findall(r">(Tổ \d+)</option>", blocks["Phường Nhân Chính"]) == ["Tổ 1"]
    # The script that shows only the chosen ward's block is a static file.
    assert 'src="/static/js/ward-groups.js"' in page
    assert 'data-ward-groups="id_residential_group"' in page


def test_the_natural_key_reads_numbers_as_numbers():
    names = ["Tổ 10", "Tổ 2", "Tổ 1A", "Tổ 1", "Khu tập thể"]
    assert sorted(names, key=services.natural_key) == [
        "Khu tập thể",
        "Tổ 1",
        "Tổ 1A",
        "Tổ 2",
        "Tổ 10",
    ]
