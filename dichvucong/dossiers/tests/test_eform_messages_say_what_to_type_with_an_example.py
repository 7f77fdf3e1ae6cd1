"""An e-form error says what to type, naming the field and giving an
example, as a clerk would say it: "Nhập số bản, ví dụ 2", not "Vui lòng
nhập một số". The example is the one the field's help gives, else a number
within the field's bounds."""

from __future__ import annotations

import pytest

from dichvucong.dossiers import eforms

pytestmark = pytest.mark.django_db


def schema(*fields: dict) -> list[dict]:
    return [{"title": "Tờ khai", "fields": list(fields)}]


def errors(fields: list[dict], values: dict[str, str]) -> dict[str, list[str]]:
    form = eforms.step_form(schema(*fields), 1, values)
    assert not form.is_valid()
    return {name: list(messages) for name, messages in form.errors.items()}


COPIES = {"name": "copies", "label": "Số bản", "type": "number", "min": 1, "max": 5}
YEAR = {
    "name": "year",
    "label": "Năm sinh",
    "type": "number",
    "min": 1900,
    "help": "Chỉ ghi năm sinh, ví dụ 1990.",
}
FLOORS = {"name": "floors", "label": "Số tầng", "type": "number", "min": 3, "max": 50}
NAME = {"name": "name", "label": "Họ, chữ đệm và tên", "type": "text", "required": True}
SEX = {
    "name": "sex",
    "label": "Giới tính",
    "type": "choice",
    "choices": ["Nam", "Nữ"],
    "required": True,
}


def test_a_number_typed_in_words_gets_the_field_and_an_example():
    assert errors([COPIES], {"copies": "hai"})["copies"] == ["Nhập số bản, ví dụ 2."]


def test_the_example_is_the_one_the_help_gives():
    assert errors([YEAR], {"year": "năm 90"})["year"] == ["Nhập năm sinh, ví dụ 1990."]


def test_without_help_the_example_lies_within_the_bounds():
    assert errors([FLOORS], {"floors": "ba"})["floors"] == ["Nhập số tầng, ví dụ 3."]


def test_a_missing_answer_names_what_to_type_or_choose():
    found = errors([NAME, SEX], {})
    assert found["name"] == ["Nhập họ, chữ đệm và tên."]
    assert found["sex"] == ["Chọn giới tính: bấm vào một mục trong danh sách."]


def test_no_e_form_message_says_only_vui_long():
    messages = [str(value) for name, value in vars(eforms).items() if name.startswith("MSG_")]
    assert len(messages) > 10
    assert not [m for m in messages if m.startswith("Vui lòng")]
