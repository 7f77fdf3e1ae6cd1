"""The report filters, read from the query string.

Every parameter is optional. A bad one is dropped and named in a message
above the figures, which are then those of the remaining filters: the
values come from links and bookmarks, and a stale link should still show a
report, never an error page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.reports.statistics import Period, next_bucket
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY, default_view

DATE_FORMATS = ["%d/%m/%Y"]
YEARS_OFFERED = 10
MAX_PERIOD_DAYS = 5 * 366
# Dates the period arithmetic can take (year 1 or 9999 overflows it), and
# far wider than any report needs.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


def _in_range(day: date) -> None:
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Ngày phải trong khoảng 01/01/1900 – 31/12/2100."), code="out_of_range"
        )


class ReportFilterForm(forms.Form):
    nam = forms.TypedChoiceField(label=_lazy("Năm"), coerce=int, required=False)
    thang = forms.TypedChoiceField(
        label=_lazy("Tháng"),
        coerce=int,
        required=False,
        choices=[
            ("", _lazy("Cả năm")),
            *((m, format_lazy("{} {}", _lazy("Tháng"), m)) for m in range(1, 13)),
        ],
    )
    tu_ngay = forms.DateField(
        label=_lazy("Từ ngày"), required=False, input_formats=DATE_FORMATS, validators=[_in_range]
    )
    den_ngay = forms.DateField(
        label=_lazy("Đến ngày"), required=False, input_formats=DATE_FORMATS, validators=[_in_range]
    )
    co_quan = forms.ModelChoiceField(
        label=_lazy("Cơ quan"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_lazy("Tất cả cơ quan"),
    )
    dia_ban = forms.ModelChoiceField(
        label=_lazy("Địa bàn"),
        queryset=AdminUnit.objects.none(),
        required=False,
        empty_label=_lazy("Tất cả địa bàn"),
    )
    # Across a reorganisation: by the agencies and wards of the time, or
    # by today's (reports.unitmap). Empty: unitmap.default_view.
    cach_xem = forms.ChoiceField(
        label=_lazy("Xem theo đơn vị"),
        required=False,
        choices=[
            ("", _lazy("Tự chọn theo kỳ báo cáo")),
            (VIEW_TODAY, _lazy("Đơn vị hành chính hiện nay")),
            (VIEW_OF_THE_TIME, _lazy("Đơn vị tại thời điểm phát sinh hồ sơ")),
        ],
    )

    def __init__(self, data: Any, *, agencies: QuerySet[Agency], today: date) -> None:
        super().__init__(data)
        self.today = today
        years = range(today.year, today.year - YEARS_OFFERED, -1)
        self.fields["nam"].choices = [("", _lazy("Năm nay")), *((y, str(y)) for y in years)]
        self.fields["co_quan"].queryset = agencies
        units = AdminUnit.objects.filter(agencies__in=agencies).distinct().order_by("name")
        self.fields["dia_ban"].queryset = units
        for name in ("tu_ngay", "den_ngay"):
            self.fields[name].widget.attrs.update(placeholder="dd/mm/yyyy", inputmode="numeric")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if start and end and start > end:
            self._drop_dates(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        elif start and ((end or max(self.today, start)) - start).days > MAX_PERIOD_DAYS:
            # Each month of the period costs a snapshot in the month table.
            self._drop_dates(_("Khoảng thời gian xem tối đa là 5 năm."))
        return data

    def _drop_dates(self, message: str) -> None:
        self.add_error(None, message)
        self.cleaned_data.pop("tu_ngay", None)
        self.cleaned_data.pop("den_ngay", None)


@dataclass(frozen=True)
class Filters:
    period: Period
    agency: Agency | None
    unit: AdminUnit | None
    problems: list[str]
    view: str = VIEW_TODAY

    @property
    def today_view(self) -> bool:
        return self.view == VIEW_TODAY

    @property
    def view_label(self) -> str:
        if self.today_view:
            return _("Theo đơn vị hành chính hiện nay")
        return _("Theo đơn vị tại thời điểm phát sinh hồ sơ")

    def describe(self) -> str:
        parts = [str(item) for item in (self.agency, self.unit) if item is not None]
        return ", ".join([*parts, self.view_label])


def read_filters(form: ReportFilterForm) -> Filters:
    """The filters that were valid, and a line per one that was not."""
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    problems = [
        f"{form.fields[name].label}: {' '.join(errors)}"
        for name, errors in form.errors.items()
        if name != "__all__"
    ]
    problems += form.non_field_errors()
    period = _period(data, form.today)
    view = data.get("cach_xem") or default_view(period.end)
    return Filters(period, data.get("co_quan"), data.get("dia_ban"), problems, view)


def _period(data: dict[str, Any], today: date) -> Period:
    """Dates if given (one end alone runs to today, or from 1 January);
    else the chosen year and month; else this year."""
    start, end = data.get("tu_ngay"), data.get("den_ngay")
    if start or end:
        end = end or max(today, start)
        return Period(start or end.replace(month=1, day=1), end)
    year, month = data.get("nam") or today.year, data.get("thang")
    if month:
        first = date(year, month, 1)
        return Period(first, next_bucket(first, "month") - timedelta(days=1))
    return Period(date(year, 1, 1), date(year, 12, 31))
