"""Each e-form field type: what it accepts, the JSON it stores, and the
Vietnamese message it gives for bad input."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django import forms
from django.utils import timezone

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers import eforms

SCHEMA = [
    {
        "title": "Thông tin",
        "fields": [
            {
                "name": "full_name",
                "label": "Họ tên",
                "type": "text",
                "required": True,
                "max_length": 10,
            },
            {"name": "note", "label": "Ghi chú", "type": "textarea"},
            {"name": "copies", "label": "Số bản", "type": "number", "min": 1, "max": 5},
            {"name": "area", "label": "Diện tích", "type": "number", "min": 0.5, "max": 100.5},
            {
                "name": "born",
                "label": "Ngày sinh",
                "type": "date",
                "required": True,
                "max": "today",
            },
            {"name": "wed", "label": "Ngày cưới", "type": "date", "min": "01/01/2000"},
            {"name": "sex", "label": "Giới tính", "type": "choice", "choices": ["Nam", "Nữ"]},
            {
                "name": "nation",
                "label": "Dân tộc",
                "type": "choice",
                "choices": ["Kinh", "Tày", "Thái", "Mường", "Khmer"],
            },
            {"name": "agree", "label": "Tôi cam đoan", "type": "checkbox", "required": True},
            {"name": "id_no", "label": "Số định danh", "type": "id_number"},
            {"name": "phone", "label": "Điện thoại", "type": "phone"},
            {"name": "email", "label": "Thư điện tử", "type": "email"},
            {"name": "tax", "label": "Mã số thuế", "type": "tax_code"},
            {"name": "home", "label": "Nơi ở", "type": "address", "required": True},
        ],
    }
]


@pytest.fixture
def good(cast) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "full_name": "Nguyễn An",
        "note": "",
        "copies": "2",
        "area": "12,5",
        "born": "05/09/2024",
        "wed": "",
        "sex": "Nữ",
        "nation": "Kinh",
        "agree": "on",
        "id_no": "001 090 012 345",
        "phone": "+84 912 345 678",
        "email": "an@example.vn",
        "tax": "0101234567001",
        "home-ward": str(cast.ward_a.pk),
        "home-group": str(cast.group_a.pk),
        "home-street": "12 Khương Trung",
    }


def bound(data: dict[str, str], **kwargs) -> eforms.StepForm:  # type: ignore[no-untyped-def]
    return eforms.step_form(SCHEMA, 1, data, **kwargs)


def test_good_input_is_stored_as_json_safe_values(cast, good) -> None:
    form = bound(good)
    assert form.is_valid(), form.errors
    values = form.values()
    assert values == {
        "full_name": "Nguyễn An",
        "note": "",
        "copies": 2,
        "area": "12.5",
        "born": "2024-09-05",
        "wed": None,
        "sex": "Nữ",
        "nation": "Kinh",
        "agree": True,
        "id_no": "001090012345",
        "phone": "0912345678",
        "email": "an@example.vn",
        "tax": "0101234567-001",
        "home": {"ward": cast.ward_a.pk, "group": cast.group_a.pk, "street": "12 Khương Trung"},
    }
    json.dumps(values)


def test_stored_values_show_again_as_typed_dates_in_dd_mm_yyyy(cast, good) -> None:
    values = bound(good).values()
    form = eforms.step_form(SCHEMA, 1, values=values)
    html = str(form["born"])
    assert 'value="05/09/2024"' in html
    assert eforms.step_form(SCHEMA, 1, eforms.flatten(SCHEMA[0]["fields"], values)).is_valid()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("born", "31/02/2024", "Ngày chưa đúng. Nhập ngày/tháng/năm, ví dụ 05/09/2024."),
        ("born", "hôm qua", "Ngày chưa đúng"),
        ("wed", "31/12/1999", "Ngày không được trước ngày 01/01/2000."),
        ("copies", "0", "Nhập số từ 1 trở lên."),
        ("copies", "6", "Nhập số không quá 5."),
        ("copies", "hai", "Nhập số bản, ví dụ 2."),
        ("full_name", "Nguyễn Văn Thành Công", "Viết ngắn lại: tối đa 10 ký tự"),
        ("full_name", "", "Nhập họ tên."),
        ("agree", "", "Đánh dấu vào ô này nếu bạn đồng ý."),
        ("sex", "Khác", "Chọn lại một mục trong danh sách"),
        ("id_no", "12345", "Số định danh cá nhân phải có đúng 12 chữ số. Ví dụ: 001090012345."),
        ("id_no", "123456789", "số chứng minh nhân dân cũ"),
        ("phone", "0123", "Số điện thoại di động phải có 10 chữ số"),
        ("phone", "0201234567", "Đầu số này không phải đầu số di động"),
        ("email", "an@", "Địa chỉ thư điện tử chưa đúng"),
        ("tax", "12345", "Mã số thuế gồm 10 chữ số"),
        ("home-street", "", "Nhập số nhà, tên đường, ví dụ"),
        ("home-ward", "", "Chọn phường/xã trong danh sách."),
    ],
)
def test_bad_input_gets_a_vietnamese_message_on_its_own_field(
    cast, good, field: str, value: str, message: str
) -> None:
    if field == "home-ward":
        good["home-group"] = ""
    form = bound({**good, field: value})
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])
    assert set(form.errors) == {field}


def test_a_date_after_today_is_refused_when_the_schema_says_max_today(cast, good) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    form = bound({**good, "born": tomorrow})
    assert form.errors["born"] == ["Ngày không được sau hôm nay."]
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert bound({**good, "born": today}).is_valid()


def test_dates_are_read_in_the_usual_vietnamese_spellings(cast, good) -> None:
    for typed in ("5/9/2024", "05-09-2024", "05.09.2024", "05092024"):
        form = bound({**good, "born": typed})
        assert form.is_valid(), typed
        assert form.values()["born"] == "2024-09-05"


def test_few_choices_are_radio_buttons_and_many_a_select(cast) -> None:
    form = eforms.step_form(SCHEMA, 1)
    assert isinstance(form.fields["sex"].widget, forms.RadioSelect)
    assert isinstance(form.fields["nation"].widget, forms.Select)
    assert not isinstance(form.fields["nation"].widget, forms.RadioSelect)


def test_a_residential_group_of_another_ward_is_refused(cast, good) -> None:
    other_group = AdminUnit.objects.create(
        name="Tổ dân phố 9", code="T-KD-9", level=UnitLevel.GROUP, parent=cast.ward_b
    )
    form = bound({**good, "home-group": str(other_group.pk)})
    assert form.errors["home-group"] == [
        "Tổ dân phố đã chọn không thuộc phường/xã đã chọn. Chọn lại tổ dân phố của phường/xã đó."
    ]


def test_the_ward_follows_from_the_group_when_only_the_group_is_chosen(cast, good) -> None:
    form = bound({**good, "home-ward": ""})
    assert form.is_valid(), form.errors
    assert form.values()["home"]["ward"] == cast.ward_a.pk


def test_a_draft_save_skips_required_checks_but_not_format_checks(cast) -> None:
    form = bound({"full_name": "", "phone": "0123"}, partial=True)
    assert set(form.errors) == {"phone"}
    values = form.values()
    assert "phone" not in values
    assert values["full_name"] == ""


def test_validate_all_names_the_step_and_the_label(cast, good) -> None:
    procedure = cast.procedure
    procedure.form_schema = SCHEMA
    stored = bound(good).values()
    assert eforms.validate_all(procedure, stored) == {}
    stored["phone"] = "0123"
    del stored["born"]
    problems = eforms.validate_all(procedure, stored)
    assert list(problems) == [1]
    assert problems[1]["Ngày sinh"] == ["Nhập ngày sinh."]
    assert "Điện thoại" in problems[1]
