from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.fields import PhoneField
from dichvucong.appointments.models import Slot
from dichvucong.appointments.services import Opening
from dichvucong.catalogue.models import Procedure


def _label(opening: Opening) -> str:
    weekday = opening.slot.get_weekday_display()
    when = f"{weekday}, {opening.day:%d/%m/%Y} – {opening.slot.start:%H:%M}"
    if opening.free <= 0:
        return f"{when} ({_('hết chỗ')})"
    return f"{when} ({_('còn %(n)s chỗ') % {'n': opening.free}})"


class BookingForm(forms.Form):
    procedure = forms.ModelChoiceField(
        label=_("Thủ tục bạn cần làm"),
        queryset=Procedure.objects.none(),
        empty_label=_("– Chọn thủ tục –"),
    )
    # A select of the openings, checked by services.book (full slots and
    # days off are refused there, with a message saying why).
    when = forms.CharField(label=_("Ngày và giờ hẹn"), widget=forms.Select)
    # Booking for someone else: both or neither.
    visitor_name = forms.CharField(
        label=_("Đặt hộ: họ và tên người đến làm thủ tục (bỏ trống nếu bạn tự đến)"),
        max_length=100, required=False,
    )
    visitor_phone = PhoneField(
        label=_("Đặt hộ: số điện thoại của người đó, để nhận tin nhắn nhắc lịch"),
        required=False,
    )

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        name = (data.get("visitor_name") or "").strip()
        data["visitor_name"] = " ".join(name.split())
        if data["visitor_name"] and not data.get("visitor_phone") and not self.has_error(
            "visitor_phone"
        ):
            self.add_error("visitor_phone", _("Khi đặt hộ, hãy nhập số điện thoại của người đến."))
        if data.get("visitor_phone") and not data["visitor_name"]:
            self.add_error("visitor_name", _("Khi đặt hộ, hãy nhập họ và tên người đến."))
        return data

    def visitor(self) -> tuple[str, str]:
        return self.cleaned_data["visitor_name"], self.cleaned_data.get("visitor_phone") or ""

    def __init__(self, *args, procedures, openings: list[Opening], **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = procedures  # type: ignore[attr-defined]
        choices = [("", _("– Chọn ngày và giờ –"))]
        choices += [(opening.value, _label(opening)) for opening in openings]
        self.fields["when"].widget.choices = choices

    def slot_and_day(self) -> tuple[Slot, date] | None:
        slot_id, _sep, day = self.cleaned_data["when"].partition(":")
        if not slot_id.isdigit():
            return None
        slot = Slot.objects.filter(pk=slot_id).select_related("agency__admin_unit").first()
        try:
            day_value = date.fromisoformat(day)
        except ValueError:
            return None
        return (slot, day_value) if slot else None
