"""The e-form engine: a procedure's schema (catalogue/forms_schema.py) as one
Django form per step, and the values as JSON in `Dossier.form_data`.

Form field names: a plain field keeps its schema name; an address is three
fields "<name>-ward", "<name>-group", "<name>-street"; row i of a repeating
group prefixes its children with "<group>-<i>-" and "<group>-rows" carries
the number of rows shown. So the whole form, rows added and removed
included, works with plain HTML posts and no JavaScript.

Stored values: dates as ISO "YYYY-MM-DD", integers as numbers, decimals as
strings, checkboxes as booleans, an address as {"ward": id, "group": id,
"street": "..."}, a group as a list of dicts (blank rows dropped).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Q, Subquery
from django.forms.boundfield import BoundField
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.fields import IdNumberField, PhoneField, TaxCodeField
from dichvucong.catalogue.constants import SuccessionKind, UnitLevel
from dichvucong.catalogue.models import AdminUnit, UnitSuccession
from dichvucong.catalogue.services import groups_by_ward_on, wards_on
from dichvucong.lib.text import clean_typed

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d%m%Y", "%Y-%m-%d"]
DATE_DISPLAY = "%d/%m/%Y"
EARLIEST_DATE = date(1900, 1, 1)
TEXT_MAX, TEXTAREA_MAX, STREET_MAX = 500, 2000, 200
# Whatever a schema says, a number stays within ±999 999 999 999 999: the
# fee is computed from it and stored in a 64-bit column, and API clients in
# JavaScript read integers exactly only up to 2**53 (about 9 * 10**15).
NUMBER_LIMIT = 10**15 - 1
DECIMAL_PLACES = 6  # when the schema does not say
# Posted row counts are untrusted: a group without "max" still stops here.
ROWS_CAP = 20
RADIO_MAX_CHOICES = 4
ROW_ACTION = "row"  # name of the "Thêm dòng" / "Xóa dòng" submit buttons

MSG_REQUIRED = _("Nhập %(label)s.")
MSG_CHOOSE = _("Chọn %(label)s: bấm vào một mục trong danh sách.")
MSG_TICK = _("Đánh dấu vào ô này nếu bạn đồng ý.")
MSG_BAD_CHOICE = _("Mục đã chọn không có trong danh sách. Chọn lại một mục trong danh sách.")
MSG_DATE = _("Ngày chưa đúng. Nhập ngày/tháng/năm, ví dụ 05/09/2024.")
MSG_AFTER_TODAY = _("Ngày không được sau hôm nay.")
MSG_BEFORE_TODAY = _("Ngày không được trước hôm nay.")
MSG_TOO_LATE = _("Ngày không được sau ngày %(limit)s.")
MSG_TOO_EARLY = _("Ngày không được trước ngày %(limit)s.")
MSG_NUMBER = _("Nhập %(label)s, ví dụ %(example)s.")
MSG_NUMBER_MIN = _("Nhập số từ %(limit_value)s trở lên.")
MSG_NUMBER_MAX = _("Nhập số không quá %(limit_value)s.")
MSG_DECIMALS = _("Nhập tối đa %(max)s chữ số sau dấu phẩy, ví dụ 2,5.")
MSG_EMAIL = _("Địa chỉ thư điện tử chưa đúng, ví dụ: ten@gmail.com.")
MSG_TOO_LONG = _("Viết ngắn lại: tối đa %(limit_value)d ký tự (bạn đã nhập %(show_value)d).")
MSG_WARD = _("Chọn phường/xã trong danh sách.")
MSG_GROUP = _("Chọn tổ dân phố trong danh sách.")
MSG_GROUP_NOT_IN_WARD = _(
    "Tổ dân phố đã chọn không thuộc phường/xã đã chọn. Chọn lại tổ dân phố của phường/xã đó."
)
MSG_STREET = _("Nhập số nhà, tên đường, ví dụ Số 12, ngõ 5, phố Khương Trung.")
MSG_ROWS_MIN = _("Cần ít nhất %(min)d dòng: bấm “Thêm dòng” rồi điền.")
DATE_HINT = _("Viết theo dạng ngày/tháng/năm, ví dụ 05/09/2024.")


# --- Fields ---------------------------------------------------------------


def _date_bound(raw: Any) -> date | None:
    """A schema bound: "today" (evaluated now, not when the form was built)
    or a dd/mm/yyyy date; anything else is ignored."""
    if raw == "today":
        return timezone.localdate()
    try:
        return datetime.strptime(str(raw), DATE_DISPLAY).date()
    except ValueError:
        return None


class SchemaDateField(forms.DateField):
    """A date typed as dd/mm/yyyy, within the schema's min/max."""

    def __init__(self, *, earliest: Any = None, latest: Any = None, **kwargs: Any) -> None:
        self.earliest, self.latest = earliest, latest
        kwargs["input_formats"] = DATE_INPUT_FORMATS
        kwargs["widget"] = forms.DateInput(
            format=DATE_DISPLAY,
            attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off", "class": "input-date"},
        )
        kwargs["error_messages"] = {**kwargs.get("error_messages", {}), "invalid": MSG_DATE}
        super().__init__(**kwargs)

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is None:
            return
        if value < EARLIEST_DATE:
            raise ValidationError(MSG_DATE, code="invalid")
        latest, earliest = _date_bound(self.latest), _date_bound(self.earliest)
        if latest is not None and value > latest:
            raise ValidationError(
                self._limit_message(self.latest, latest, MSG_AFTER_TODAY, MSG_TOO_LATE), code="max"
            )
        if earliest is not None and value < earliest:
            raise ValidationError(
                self._limit_message(self.earliest, earliest, MSG_BEFORE_TODAY, MSG_TOO_EARLY),
                code="min",
            )

    @staticmethod
    def _limit_message(raw: Any, limit: date, today_msg: Any, date_msg: Any) -> str:
        if raw == "today":
            return str(today_msg)
        return str(date_msg) % {"limit": limit.strftime(DATE_DISPLAY)}


def _common(spec: dict[str, Any], required: bool) -> dict[str, Any]:
    kind = spec.get("type")
    label = spec.get("label") or spec["name"]
    message = MSG_TICK if kind == "checkbox" else MSG_CHOOSE if kind == "choice" else MSG_REQUIRED
    return {
        "label": label,
        "required": required,
        "help_text": spec.get("help", ""),
        "error_messages": {
            "required": _says(message, label=_lower_first(str(label))),
            "invalid_choice": MSG_BAD_CHOICE,
        },
    }


def _says(message: Any, **values: Any) -> str:
    # Filled now: Django passes no parameters with "required" or "invalid".
    text = str(message)
    return text % values if "%(" in text else text


def _lower_first(label: str) -> str:
    """A label inside a sentence: "Số bản sao" -> "số bản sao"; "CCCD" stays."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _number_example(spec: dict[str, Any]) -> str:
    """The example the field's help gives ("ví dụ 1990"), else 2 within
    the field's bounds."""
    found = re.search(r"ví dụ:?\s*(\d[\d.,]*\d|\d)", str(spec.get("help", "")))
    if found:
        return found[1]
    low, high = spec.get("min"), spec.get("max")
    example = 2
    if _is_number(low) and example < low:
        example = math.ceil(low)
    if _is_number(high) and example > high:
        example = math.floor(high)
    return str(example)


class SchemaTextField(forms.CharField):
    """Text as a person typed it, kept clean (lib/text.py clean_typed):
    NFC, no control or invisible characters, line breaks only where the
    field has lines."""

    def __init__(self, *, multiline: bool = False, **kwargs: Any) -> None:
        self.multiline = multiline
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        return clean_typed(text, multiline=self.multiline).strip() if text else text


def _text(spec: dict[str, Any], common: dict[str, Any], limit: int, **kw: Any) -> forms.Field:
    common["error_messages"]["max_length"] = MSG_TOO_LONG
    return SchemaTextField(max_length=_int(spec.get("max_length"), limit), **common, **kw)


def _bound(value: Any, default: int) -> Any:
    """A schema's min or max, never past NUMBER_LIMIT; the limit without one."""
    if not _is_number(value):
        return default
    return max(-NUMBER_LIMIT, min(value, NUMBER_LIMIT))


def _number(spec: dict[str, Any], common: dict[str, Any]) -> forms.Field:
    low, high = spec.get("min"), spec.get("max")
    label = _lower_first(str(common["label"]))
    common["error_messages"].update(
        invalid=_says(MSG_NUMBER, label=label, example=_number_example(spec)),
        min_value=MSG_NUMBER_MIN,
        max_value=MSG_NUMBER_MAX,
        max_decimal_places=MSG_DECIMALS,
    )
    bounds = {
        "min_value": _bound(low, -NUMBER_LIMIT),
        "max_value": _bound(high, NUMBER_LIMIT),
    }
    if spec.get("decimal_places") or any(_is_fraction(v) for v in (low, high)):
        # localize: Vietnamese write 2,5; "2.5" is read the same.
        widget = forms.TextInput(attrs={"inputmode": "decimal"})
        places = _int(spec.get("decimal_places"), DECIMAL_PLACES)
        return forms.DecimalField(
            localize=True, widget=widget, decimal_places=places, **bounds, **common
        )
    widget = forms.TextInput(attrs={"inputmode": "numeric"})
    return forms.IntegerField(widget=widget, **bounds, **common)


def _choice(spec: dict[str, Any], common: dict[str, Any]) -> forms.Field:
    choices = [(str(c), str(c)) for c in spec.get("choices") or []]
    if len(choices) <= RADIO_MAX_CHOICES:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    return forms.ChoiceField(choices=[("", _("— Chọn —")), *choices], **common)


def _simple_field(spec: dict[str, Any], required: bool) -> forms.Field:
    common = _common(spec, required)
    kind = spec.get("type")
    if kind == "textarea":
        textarea = forms.Textarea(attrs={"rows": 4})
        return _text(spec, common, TEXTAREA_MAX, multiline=True, widget=textarea)
    if kind == "number":
        return _number(spec, common)
    if kind == "date":
        common["help_text"] = common["help_text"] or DATE_HINT
        return SchemaDateField(earliest=spec.get("min"), latest=spec.get("max"), **common)
    if kind == "choice":
        return _choice(spec, common)
    if kind == "checkbox":
        return forms.BooleanField(**common)
    if kind == "email":
        common["error_messages"]["invalid"] = MSG_EMAIL
        return forms.EmailField(
            max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}), **common
        )
    identity = {"id_number": IdNumberField, "phone": PhoneField, "tax_code": TaxCodeField}
    if kind in identity:
        return identity[kind](**common)
    return _text(spec, common, TEXT_MAX)


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_fraction(value: Any) -> bool:
    return isinstance(value, float) and not value.is_integer()


# --- Administrative units for addresses ------------------------------------


def _natural(text: str) -> list[Any]:
    # "Tổ 2" before "Tổ 10".
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _group_order(group: AdminUnit) -> list[Any]:
    return _natural(group.name)


@dataclass
class Units:
    """Wards and residential groups, read once per form."""

    ward_choices: list[tuple[str, Any]]
    group_choices: list[tuple[str, Any]]
    group_ward: dict[str, str]

    @classmethod
    def load(cls) -> Units:
        """The wards and groups that exist today: an ended ward is no
        longer offered, though a dossier that named it still shows it."""
        today = timezone.localdate()
        wards = sorted(wards_on(today), key=lambda unit: _natural(unit.name))
        held = groups_by_ward_on(today)
        group_ward = {
            str(group.pk): str(ward_id) for ward_id, groups in held.items() for group in groups
        }
        # Without JavaScript the group list cannot follow the chosen ward, so
        # groups are listed under their ward's name and checked on the server.
        grouped = [
            (ward.name, [(str(g.pk), g.name) for g in sorted(held[ward.pk], key=_group_order)])
            for ward in wards
            if ward.pk in held
        ]
        return cls(
            ward_choices=[("", _("— Chọn phường/xã —"))] + [(str(w.pk), w.name) for w in wards],
            group_choices=[("", _("— Chọn tổ dân phố —")), *grouped],
            group_ward=group_ward,
        )

    def ward_has_groups(self, ward: str) -> bool:
        return ward in self.group_ward.values()


def _address_fields(units: Units) -> dict[str, forms.Field]:
    messages = {"invalid_choice": MSG_BAD_CHOICE}
    return {
        "ward": forms.ChoiceField(
            label=_("Phường/xã"),
            required=False,
            choices=units.ward_choices,
            error_messages=messages,
        ),
        "group": forms.ChoiceField(
            label=_("Tổ dân phố"),
            required=False,
            choices=units.group_choices,
            error_messages=messages,
        ),
        "street": SchemaTextField(
            label=_("Số nhà, ngõ, đường phố"),
            required=False,
            max_length=STREET_MAX,
            error_messages={"max_length": MSG_TOO_LONG},
        ),
    }


# --- The step form ---------------------------------------------------------


@dataclass
class Entry:
    """One schema field as the form holds it: its form fields (one, the three
    address parts, or the hidden row count of a group) and a group's rows."""

    spec: dict[str, Any]
    name: str
    label: str
    bound: list[BoundField] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    min_rows: int = 0
    max_rows: int = 0

    @property
    def kind(self) -> str:
        kind = self.spec.get("type")
        return kind if kind in ("address", "group") else "field"

    @property
    def required(self) -> bool:
        return bool(self.spec.get("required"))

    @property
    def names(self) -> list[str]:
        own = [bf.name for bf in self.bound]
        return own + [n for row in self.rows for entry in row.entries for n in entry.names]

    @property
    def can_add(self) -> bool:
        return len(self.rows) < self.max_rows

    @property
    def can_remove(self) -> bool:
        return len(self.rows) > self.min_rows


@dataclass
class Row:
    index: int
    entries: list[Entry]

    @property
    def number(self) -> int:
        return self.index + 1


class StepForm(forms.Form):
    """One step of an e-form; `step_form_class` binds it to a schema step.

    partial=True drops the required checks, for saving a draft that is not
    finished; validate=False shows posted data back without judging it,
    after "Thêm dòng" or "Xóa dòng", so the person sees no errors for rows
    they have not filled yet."""

    step: dict[str, Any] = {}

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        values: dict[str, Any] | None = None,
        partial: bool = False,
        validate: bool = True,
        **kwargs: Any,
    ) -> None:
        initial = flatten(self.specs, values or {}) if data is None else {}
        super().__init__(data, initial=initial, **kwargs)
        self.partial, self.validate = partial, validate
        self.labels: dict[str, str] = {}
        self._units: Units | None = None
        self.entries = [
            self._entry(spec, "", spec.get("label", ""), top=True) for spec in self.specs
        ]

    @property
    def specs(self) -> list[dict[str, Any]]:
        return [spec for spec in self.step.get("fields", []) if isinstance(spec, dict)]

    @property
    def units(self) -> Units:
        if self._units is None:
            self._units = Units.load()
        return self._units

    def _entry(self, spec: dict[str, Any], prefix: str, label: str, top: bool) -> Entry:
        name = prefix + spec["name"]
        entry = Entry(spec=spec, name=name, label=label)
        if entry.kind == "group" and top:
            self._add_group(entry)
        elif entry.kind == "address":
            for part, form_field in _address_fields(self.units).items():
                self._add(f"{name}-{part}", form_field, f"{label} – {form_field.label}")
            entry.bound = [self[f"{name}-{part}"] for part in ("ward", "group", "street")]
        else:
            # Group rows check their own required fields: a blank row is
            # dropped, not an error.
            required = top and entry.required and not self.partial
            self._add(name, _simple_field(spec, required), label)
            entry.bound = [self[name]]
        return entry

    def _add(self, name: str, form_field: forms.Field, label: str) -> None:
        self.fields[name] = form_field
        self.labels[name] = label

    def _add_group(self, entry: Entry) -> None:
        spec = entry.spec
        entry.min_rows = max(_int(spec.get("min"), 0), 1 if entry.required else 0)
        entry.max_rows = max(min(_int(spec.get("max"), ROWS_CAP), ROWS_CAP), entry.min_rows)
        count = self._row_count(entry)
        self._add(
            f"{entry.name}-rows",
            forms.CharField(required=False, widget=forms.HiddenInput),
            entry.label,
        )
        self.initial[f"{entry.name}-rows"] = str(count)
        entry.bound = [self[f"{entry.name}-rows"]]
        children = [c for c in spec.get("fields") or [] if isinstance(c, dict) and "name" in c]
        for index in range(count):
            label = _("%(group)s, dòng %(n)d") % {"group": entry.label, "n": index + 1}
            entry.rows.append(
                Row(
                    index,
                    [
                        self._entry(
                            child,
                            f"{entry.name}-{index}-",
                            f"{label} – {child.get('label')}",
                            top=False,
                        )
                        for child in children
                    ],
                )
            )

    def _row_count(self, entry: Entry) -> int:
        if self.is_bound:
            posted = str(self.data.get(f"{entry.name}-rows", ""))
            count = int(posted) if posted.isdigit() and len(posted) < 4 else entry.min_rows
        else:
            count = int(self.initial.get(f"{entry.name}-rows") or 0) or max(entry.min_rows, 1)
        return max(entry.min_rows, min(count, entry.max_rows))

    # --- validation ---

    def full_clean(self) -> None:
        if self.validate:
            super().full_clean()
            return
        self._errors = ErrorDict()
        self.cleaned_data = {}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for entry in self.entries:
            required = entry.required and not self.partial
            if entry.kind == "address":
                self._check_address(entry, required)
            elif entry.kind == "group":
                self._check_group(entry)
        return cleaned

    def _check_group(self, entry: Entry) -> None:
        filled = [row for row in entry.rows if not self._row_is_blank(row)]
        for row in filled:
            for child in row.entries:
                required = child.required and not self.partial
                if child.kind == "address":
                    self._check_address(child, required)
                elif required and self._is_empty(child.name):
                    self.add_error(
                        child.name, _common(child.spec, True)["error_messages"]["required"]
                    )
        if not self.partial and len(filled) < entry.min_rows:
            self.add_error(f"{entry.name}-rows", MSG_ROWS_MIN % {"min": entry.min_rows})

    def _check_address(self, entry: Entry, required: bool) -> None:
        ward_name, group_name, street_name = (bf.name for bf in entry.bound)
        if any(name in self.errors for name in (ward_name, group_name, street_name)):
            return
        ward = self.cleaned_data.get(ward_name, "")
        group = self.cleaned_data.get(group_name, "")
        if group and not ward:
            # The group list names its ward, so the ward follows from it.
            ward = self.cleaned_data[ward_name] = self.units.group_ward[group]
        if group and self.units.group_ward.get(group) != ward:
            self.add_error(group_name, MSG_GROUP_NOT_IN_WARD)
        if not required:
            return
        if not ward:
            self.add_error(ward_name, MSG_WARD)
        elif not group and self.units.ward_has_groups(ward):
            self.add_error(group_name, MSG_GROUP)
        if not self.cleaned_data.get(street_name):
            self.add_error(street_name, MSG_STREET)

    def _raw(self, name: str) -> Any:
        return self.fields[name].widget.value_from_datadict(self.data, self.files, name)

    def _is_empty(self, name: str) -> bool:
        value = self.cleaned_data.get(name)
        return value in (None, "", False) and name not in self.errors

    def _row_is_blank(self, row: Row) -> bool:
        for entry in row.entries:
            for name in entry.names:
                value = self._raw(name)
                if value not in (None, False) and str(value).strip():
                    return False
        return True

    # --- values ---

    def values(self) -> dict[str, Any]:
        """JSON-safe values of every schema field that validated (all of
        them once is_valid() is true), keyed by schema name."""
        self.errors  # noqa: B018  (runs validation once)
        return {
            entry.spec["name"]: self._value(entry)
            for entry in self.entries
            if not any(name in self.errors for name in entry.names)
        }

    def _value(self, entry: Entry) -> Any:
        if entry.kind == "group":
            return [
                {child.spec["name"]: self._value(child) for child in row.entries}
                for row in entry.rows
                if not self._row_is_blank(row)
            ]
        if entry.kind == "address":
            ward, group, street = (self.cleaned_data.get(bf.name) for bf in entry.bound)
            if not (ward or group or street):
                return None
            return {"ward": _id(ward), "group": _id(group), "street": street or ""}
        return to_json(self.cleaned_data.get(entry.name))

    def labelled_errors(self) -> dict[str, list[str]]:
        """Errors keyed by the label a person reads ("Người làm chứng,
        dòng 2 – Họ tên"), in form order."""
        result: dict[str, list[str]] = {}
        for name, errors in self.errors.items():
            label = self.labels.get(name) or str(self.step.get("title", ""))
            result.setdefault(label, []).extend(str(error) for error in errors)
        return result

    def error_links(self) -> list[tuple[str, str, str]]:
        """(field id, label, message) for the error summary at the top."""
        return [
            (
                self[name].auto_id if name in self.fields else "",
                self.labels.get(name, ""),
                str(errors[0]),
            )
            for name, errors in self.errors.items()
        ]


def _id(value: Any) -> int | None:
    return int(value) if value and str(value).isdigit() else None


def to_json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def step_form_class(step: dict[str, Any]) -> type[StepForm]:
    """A Form class for one step of a schema."""
    return type("StepForm", (StepForm,), {"step": step})


def step_form(
    schema: list[dict[str, Any]], number: int, data: Mapping[str, Any] | None = None, **kwargs: Any
) -> StepForm:
    """The form of step `number` (1-based)."""
    return step_form_class(schema[number - 1])(data, **kwargs)


# --- Stored values <-> form data --------------------------------------------


def flatten(
    specs: list[dict[str, Any]], values: Mapping[str, Any], prefix: str = ""
) -> dict[str, str]:
    """Stored values as the strings a browser would post for them."""
    data: dict[str, str] = {}
    for spec in specs:
        if not isinstance(spec, dict) or "name" not in spec:
            continue
        name, value, kind = prefix + spec["name"], values.get(spec["name"]), spec.get("type")
        if kind == "group" and not prefix:
            rows = (
                [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []
            )
            data[f"{name}-rows"] = str(len(rows))
            for index, row in enumerate(rows):
                data.update(flatten(spec.get("fields") or [], row, f"{name}-{index}-"))
        elif kind == "address":
            value = value if isinstance(value, dict) else {}
            for part in ("ward", "group", "street"):
                data[f"{name}-{part}"] = _as_text(value.get(part))
        else:
            data[name] = _as_text(value, kind)
    return data


def _as_text(value: Any, kind: Any = None) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return "on"
    if kind == "date":
        try:
            return date.fromisoformat(str(value)).strftime(DATE_DISPLAY)
        except ValueError:
            return str(value)
    return str(value)


def validate_all(procedure: Any, form_data: Mapping[str, Any]) -> dict[int, dict[str, list[str]]]:
    """Every step validated again from the stored values, as for "Tiếp tục":
    {step number: {label: [messages]}}, only steps with problems."""
    schema = procedure.form_schema or []
    problems: dict[int, dict[str, list[str]]] = {}
    for number, step in enumerate(schema, start=1):
        specs = step.get("fields", []) if isinstance(step, dict) else []
        form = step_form(schema, number, flatten(specs, form_data or {}))
        if not form.is_valid():
            problems[number] = form.labelled_errors()
    return problems


# --- Prefill -----------------------------------------------------------------


def initial_for(schema: list[dict[str, Any]], user: Any) -> dict[str, Any]:
    """Stored values for the fields whose schema says "prefill", from what
    the account already knows (CitizenProfile, or the organisation's)."""
    from dichvucong.accounts.services import citizen_profile, prefill_values

    known = prefill_values(user)
    citizen = citizen_profile(user)
    values: dict[str, Any] = {}
    for step in schema or []:
        for spec in step.get("fields", []) if isinstance(step, dict) else []:
            source = spec.get("prefill") if isinstance(spec, dict) else None
            if source:
                value = _prefill(spec.get("type"), source, known, citizen)
                if value not in (None, ""):
                    values[spec["name"]] = value
    return values


def _prefill(kind: Any, source: str, known: dict[str, str], citizen: Any) -> Any:
    if kind == "address" and source == "address":
        if citizen is None:
            return None
        return {
            "ward": citizen.ward_id,
            "group": citizen.residential_group_id,
            "street": citizen.address,
        }
    if kind == "date" and source == "date_of_birth":
        born = getattr(citizen, "date_of_birth", None)
        return born.isoformat() if born else None
    return known.get(source)


# --- Row actions without JavaScript ------------------------------------------


def row_action(step: dict[str, Any], data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The posted data after a "Thêm dòng" (button value "add:<group>") or
    "Xóa dòng" ("remove:<group>:<row>") press; None when the post was not
    a row action. A value that names no group changes nothing."""
    raw = str(data.get(ROW_ACTION) or "")
    if not raw:
        return None
    new = {key: data.get(key) for key in data if key != ROW_ACTION}
    parts = raw.split(":")
    form = step_form_class(step)(new, validate=False)
    entry = next(
        (e for e in form.entries if e.kind == "group" and len(parts) > 1 and e.name == parts[1]),
        None,
    )
    if entry is None:
        return new
    count = len(entry.rows)
    if parts[0] == "add":
        new[f"{entry.name}-rows"] = str(min(count + 1, entry.max_rows))
    elif parts[0] == "remove" and len(parts) == 3 and parts[2].isdigit():
        _drop_row(new, entry.name, int(parts[2]), count)
    return new


def _drop_row(data: dict[str, Any], group: str, index: int, count: int) -> None:
    if not 0 <= index < count:
        return
    for i in range(index, count):
        target, source = f"{group}-{i}-", f"{group}-{i + 1}-"
        for key in [k for k in data if k.startswith(target)]:
            del data[key]
        for key in [k for k in data if k.startswith(source)]:
            data[target + key[len(source) :]] = data.pop(key)
    data[f"{group}-rows"] = str(count - 1)


# --- Display (check your answers) ---------------------------------------------


@dataclass
class Answer:
    label: str
    text: str = ""
    rows: list[list[Answer]] = field(default_factory=list)


def answers(schema: list[dict[str, Any]], form_data: Mapping[str, Any]) -> list[list[Answer]]:
    """Per step, each field's label and its stored value as a person reads it."""
    unit_names = _unit_names(timezone.localdate())
    return [
        [
            _answer(spec, (form_data or {}).get(spec["name"]), unit_names)
            for spec in step.get("fields", [])
            if isinstance(spec, dict) and "name" in spec
        ]
        for step in schema or []
        if isinstance(step, dict)
    ]


def _unit_names(day: date) -> dict[int, str]:
    """Every ward's and group's name as it was, so an old dossier reads as
    it was written; a ward merged since names the ward it is in today
    ("Phường Khương Mai (nay là Phường Phương Liệt)"). One query."""
    merged_into = UnitSuccession.objects.filter(
        predecessor=OuterRef("pk"), kind=SuccessionKind.MERGED, effective_date__lte=day
    ).filter(Q(successor__valid_to__isnull=True) | Q(successor__valid_to__gte=day))
    rows = (
        AdminUnit.objects.filter(level__in=[UnitLevel.WARD, UnitLevel.GROUP])
        .annotate(now=Subquery(merged_into.values("successor__name")[:1]))
        .values_list("pk", "name", "now")
    )
    return {
        pk: _("%(old)s (nay là %(new)s)") % {"old": name, "new": now} if now else name
        for pk, name, now in rows
    }


def _answer(spec: dict[str, Any], value: Any, units: dict[int, str]) -> Answer:
    label, kind = str(spec.get("label", spec["name"])), spec.get("type")
    if kind == "group":
        rows = value if isinstance(value, list) else []
        return Answer(
            label,
            rows=[
                [
                    _answer(child, row.get(child.get("name")), units)
                    for child in spec.get("fields") or []
                    if isinstance(child, dict) and "name" in child
                ]
                for row in rows
                if isinstance(row, dict)
            ],
        )
    return Answer(label, display_value(kind, value, units))


def display_value(kind: Any, value: Any, units: Mapping[int, str] | None = None) -> str:
    if value in (None, "", [], {}):
        return ""
    if kind == "checkbox":
        return str(_("Có")) if value else str(_("Không"))
    if kind == "address" and isinstance(value, dict):
        units = units or {}
        parts = [
            value.get("street"),
            units.get(value.get("group") or 0),
            units.get(value.get("ward") or 0),
        ]
        return ", ".join(str(part) for part in parts if part)
    return _as_text(value, kind)
