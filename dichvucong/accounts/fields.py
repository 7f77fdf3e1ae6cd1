"""Form fields and validators for Vietnamese identity numbers.

Generic on purpose: registration uses them and so does the e-form engine
(field types "id_number", "phone", "tax_code"). `clean()` returns the
normalised value; a bad value raises ValidationError with the Vietnamese
message from dichvucong.lib.identity.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from dichvucong.lib.identity import (
    InvalidIdentity,
    clean_id_number,
    clean_mobile_phone,
    clean_tax_code,
)


def _normalised(normalise: Callable[[str], str], value: str) -> str:
    try:
        return normalise(value)
    except InvalidIdentity as exc:
        raise ValidationError(gettext(exc.message), code=exc.code) from exc


def _clean_id_number_today(value: str) -> str:
    # The birth-year check needs "today" in the office's time zone, not UTC.
    return clean_id_number(value, today=timezone.localdate())


def validate_id_number(value: str) -> None:
    _normalised(_clean_id_number_today, value)


def validate_phone(value: str) -> None:
    _normalised(clean_mobile_phone, value)


def validate_tax_code(value: str) -> None:
    _normalised(clean_tax_code, value)


class _IdentityField(forms.CharField):
    """A text input whose value is normalised before other validators run.
    No max_length: people type separators, which would trip the browser's
    maxlength before the value is cleaned."""

    input_type = "text"
    input_attrs: dict[str, str] = {}

    def __init__(self, **kwargs: Any) -> None:
        if "widget" not in kwargs:
            widget = forms.TextInput(attrs=dict(self.input_attrs))
            widget.input_type = self.input_type
            kwargs["widget"] = widget
        super().__init__(**kwargs)

    def normalise(self, value: str) -> str:
        raise NotImplementedError

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        if text in self.empty_values:
            return ""
        return _normalised(self.normalise, text)


class IdNumberField(_IdentityField):
    """Số định danh cá nhân (12 digits on the căn cước)."""

    input_attrs = {"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}

    def normalise(self, value: str) -> str:
        return _clean_id_number_today(value)


class PhoneField(_IdentityField):
    """A Vietnamese mobile number, cleaned to 0 + 9 digits."""

    input_type = "tel"
    input_attrs = {"inputmode": "tel", "autocomplete": "tel"}

    def normalise(self, value: str) -> str:
        return clean_mobile_phone(value)


class TaxCodeField(_IdentityField):
    """Mã số thuế: 10 digits, or `10 digits-3 digits` for a branch."""

    input_attrs = {"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}

    def normalise(self, value: str) -> str:
        return clean_tax_code(value)


class AccountNumberField(_IdentityField):
    """What a citizen or an organisation logs in with: the 12-digit ID
    number, or a tax code (10 digits, 13 for a branch). Any other length
    is explained as an ID number, the case of most people."""

    input_attrs = {"inputmode": "numeric", "autocomplete": "username", "spellcheck": "false"}

    def normalise(self, value: str) -> str:
        digits = "".join(ch for ch in value if ch not in " .-")
        if len(digits) in (10, 13):
            return clean_tax_code(value)
        return _clean_id_number_today(value)
