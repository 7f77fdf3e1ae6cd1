"""A repeating group works with plain form posts: "Thêm dòng" and "Xóa dòng"
are submit buttons, typed rows are kept, the schema's maximum holds."""

from __future__ import annotations

import re

import pytest

from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401

SCHEMA = [
    {
        "title": "Người làm chứng",
        "fields": [
            {"name": "place", "label": "Nơi khai", "type": "text"},
            {
                "name": "witnesses",
                "label": "Người làm chứng",
                "type": "group",
                "min": 1,
                "max": 3,
                "fields": [
                    {"name": "name", "label": "Họ tên", "type": "text", "required": True},
                    {"name": "phone", "label": "Số điện thoại", "type": "phone"},
                ],
            },
        ],
    }
]


@pytest.fixture
def dossier(cast):  # type: ignore[no-untyped-def]
    cast.procedure.form_schema = SCHEMA
    cast.procedure.save()
    return start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)


def row_blocks(html: str) -> int:
    return len(re.findall(r'class="row-block"', html))


def test_add_row_shows_one_more_numbered_block_and_keeps_what_was_typed(
    cast, client, dossier
) -> None:
    logged_in(client, cast.applicant)
    html = page_text(client.get(url("step", dossier, 1)))
    assert row_blocks(html) == 1
    assert 'name="row" value="add:witnesses"' in html
    response = client.post(
        url("step", dossier, 1),
        {
            "row": "add:witnesses",
            "place": "Khương Mai",
            "witnesses-rows": "1",
            "witnesses-0-name": "Lê Văn Chứng",
            "witnesses-0-phone": "",
        },
    )
    assert response.status_code == 200
    html = page_text(response)
    assert row_blocks(html) == 2
    assert "Người làm chứng 2" in html
    assert 'value="Lê Văn Chứng"' in html
    assert 'value="Khương Mai"' in html
    # The new, empty row is not an error yet.
    assert "errorlist" not in html


def test_rows_stop_at_the_schema_maximum(cast, client, dossier) -> None:
    logged_in(client, cast.applicant)
    response = client.post(url("step", dossier, 1), {"row": "add:witnesses", "witnesses-rows": "3"})
    html = page_text(response)
    assert row_blocks(html) == 3
    assert 'value="add:witnesses"' not in html
    assert "Đã đủ số dòng tối đa (3)." in html
    response = client.post(
        url("step", dossier, 1), {"row": "add:witnesses", "witnesses-rows": "500"}
    )
    assert row_blocks(page_text(response)) == 3


def test_remove_row_shifts_the_rows_below_it_up(cast, client, dossier) -> None:
    logged_in(client, cast.applicant)
    response = client.post(
        url("step", dossier, 1),
        {
            "row": "remove:witnesses:0",
            "witnesses-rows": "2",
            "witnesses-0-name": "Người Một",
            "witnesses-1-name": "Người Hai",
        },
    )
    html = page_text(response)
    assert row_blocks(html) == 1
    assert "Người Một" not in html
    assert 'name="witnesses-0-name" value="Người Hai"' in html


def test_next_stores_the_rows_as_a_list_and_drops_blank_rows(cast, client, dossier) -> None:
    logged_in(client, cast.applicant)
    response = client.post(
        url("step", dossier, 1),
        {
            "action": "next",
            "place": "",
            "witnesses-rows": "3",
            "witnesses-0-name": "Người Một",
            "witnesses-0-phone": "0912 345 678",
            "witnesses-1-name": "",
            "witnesses-1-phone": "",
            "witnesses-2-name": "Người Ba",
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.form_data["witnesses"] == [
        {"name": "Người Một", "phone": "0912345678"},
        {"name": "Người Ba", "phone": ""},
    ]


def test_a_started_row_needs_its_required_fields_and_the_group_its_minimum(
    cast, client, dossier
) -> None:
    logged_in(client, cast.applicant)
    response = client.post(
        url("step", dossier, 1),
        {"action": "next", "witnesses-rows": "1", "witnesses-0-phone": "0912345678"},
    )
    assert response.status_code == 200
    assert "Người làm chứng, dòng 1 – Họ tên: Nhập họ tên." in page_text(response)
    response = client.post(url("step", dossier, 1), {"action": "next", "witnesses-rows": "1"})
    assert "Cần ít nhất 1 dòng: bấm “Thêm dòng” rồi điền." in page_text(response)
