from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError

from dichvucong.accounts.fields import (
    IdNumberField,
    PhoneField,
    TaxCodeField,
    validate_id_number,
    validate_phone,
    validate_tax_code,
)


class IdentityForm(forms.Form):
    id_number = IdNumberField()
    phone = PhoneField(required=False)
    tax_code = TaxCodeField(required=False)


def test_fields_return_the_normalised_values():
    form = IdentityForm(
        {"id_number": "001 085 012 345", "phone": "+84 912 345 678", "tax_code": "0101234567001"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "id_number": "001085012345",
        "phone": "0912345678",
        "tax_code": "0101234567-001",
    }


def test_fields_put_the_vietnamese_message_on_the_field():
    form = IdentityForm({"id_number": "00108501234", "phone": "0951234567", "tax_code": "12"})
    assert not form.is_valid()
    assert form.errors["id_number"] == [
        "Số định danh cá nhân phải có đúng 12 chữ số. Ví dụ: 001090012345."
    ]
    assert form.errors["phone"] == [
        "Đầu số này không phải đầu số di động đang dùng ở Việt Nam. "
        "Nhập số di động 10 chữ số, ví dụ 0912345678."
    ]
    assert "Mã số thuế gồm 10 chữ số" in form.errors["tax_code"][0]


def test_an_empty_optional_field_stays_empty():
    form = IdentityForm({"id_number": "001085012345", "phone": "", "tax_code": "  "})
    assert form.is_valid()
    assert form.cleaned_data["phone"] == ""
    assert form.cleaned_data["tax_code"] == ""


def test_an_id_number_born_in_the_future_is_refused_by_the_field():
    form = IdentityForm({"id_number": "001899012345"})
    assert not form.is_valid()
    assert form.errors["id_number"][0].startswith("Năm sinh ghi trong số định danh cá nhân")


def test_the_phone_input_is_a_tel_input_without_maxlength():
    html = str(IdentityForm()["phone"])
    assert 'type="tel"' in html
    assert "maxlength" not in html


@pytest.mark.parametrize(
    ("validator", "bad"),
    [(validate_id_number, "12345"), (validate_phone, "12345"), (validate_tax_code, "12345")],
)
def test_validators_raise_validation_error_with_a_code(validator, bad):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        validator(bad)
    assert caught.value.code


def test_validators_accept_good_values():
    validate_id_number("001085012345")
    validate_phone("0912345678")
    validate_tax_code("0101234567-001")
