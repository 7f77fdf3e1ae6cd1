from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.breaches.constants import System
from dichvucong.breaches.models import Incident

FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y"]


class MomentField(forms.DateTimeField):
    """A date and time, typed (dd/mm/yyyy hh:mm) or picked in the browser."""

    def __init__(self, **kwargs: Any) -> None:
        widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=FORMATS[0])
        super().__init__(input_formats=FORMATS, widget=widget, **kwargs)


class IncidentForm(forms.ModelForm):
    found_at = MomentField(label=_("Phát hiện lúc"))
    started_at = MomentField(label=_("Bắt đầu từ (sớm nhất có thể)"))
    ended_at = MomentField(label=_("Kết thúc lúc (để trống nếu chưa rõ)"), required=False)
    systems = forms.MultipleChoiceField(
        label=_("Phần hệ thống bị ảnh hưởng"),
        choices=System.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Incident
        fields = [
            "found_at",
            "started_at",
            "ended_at",
            "systems",
            "description",
            "consequences",
            "measures",
            "office_name",
            "office_address",
            "contact_name",
            "contact_phone",
            "contact_email",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        found, started, ended = data.get("found_at"), data.get("started_at"), data.get("ended_at")
        if found and found > timezone.now():
            self.add_error("found_at", _("Thời điểm phát hiện không thể ở tương lai."))
        if found and started and started > found:
            self.add_error("started_at", _("Sự cố phải bắt đầu trước khi được phát hiện."))
        if started and ended and ended < started:
            self.add_error("ended_at", _("Thời điểm kết thúc phải sau thời điểm bắt đầu."))
        return data


class NotifiedForm(forms.Form):
    at = MomentField(label=_("Đã gửi thông báo lúc"))
    late_reason = forms.CharField(
        label=_("Lý do thông báo chậm (bắt buộc khi quá 72 giờ)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Tôi đã đọc bản thảo và đồng ý gửi thông báo đến những người bị ảnh hưởng"),
    )
