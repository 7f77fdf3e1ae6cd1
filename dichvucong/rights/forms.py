from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dichvucong.rights.constants import ANSWERS, RequestKind, RequestStatus

# A copy is downloaded at once from the page: no request needed for it.
FILED_KINDS = [(k.value, k.label) for k in RequestKind if k != RequestKind.COPY]


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Bạn muốn"), choices=FILED_KINDS, widget=forms.RadioSelect)
    details = forms.CharField(
        label=_("Nội dung (dữ liệu nào, sửa thành gì, vì sao)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PupilRequestForm(RequestForm):
    on_behalf_of = forms.CharField(
        label=_("Người yêu cầu (phụ huynh, cách nhận yêu cầu)"), max_length=150
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[(s.value, RequestStatus(s).label) for s in ANSWERS],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Trả lời (đã làm gì)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    reasons = forms.CharField(
        label=_("Lý do, căn cứ pháp lý"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
