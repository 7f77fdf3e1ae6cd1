"""Forms of the rating and petition pages; the rules are in service.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.fields import PhoneField
from dichvucong.catalogue.models import Agency
from dichvucong.feedback.constants import (
    MAX_ANSWER_CHARS,
    MAX_COMMENT_CHARS,
    MAX_PETITION_CHARS,
    RatingLevel,
)

TOO_LONG = _("Tối đa %(limit_value)d ký tự (bạn đã nhập %(show_value)d).")


def _required(message: Any) -> dict[str, Any]:
    return {"required": message, "max_length": TOO_LONG}


class RatingForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Bạn có hài lòng với việc giải quyết hồ sơ?"),
        choices=RatingLevel.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vui lòng chọn mức độ hài lòng."),
            "invalid_choice": _("Lựa chọn không hợp lệ. Vui lòng chọn lại."),
        },
    )
    comment = forms.CharField(
        label=_("Góp ý thêm (không bắt buộc)"),
        required=False,
        max_length=MAX_COMMENT_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
    )


class PetitionForm(forms.Form):
    sender_name = forms.CharField(
        label=_("Họ và tên"),
        max_length=150,
        error_messages=_required(_("Vui lòng nhập họ và tên.")),
    )
    sender_phone = PhoneField(label=_("Số điện thoại"), required=False)
    sender_email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ."), "max_length": TOO_LONG},
    )
    subject = forms.CharField(
        label=_("Tiêu đề"), max_length=200, error_messages=_required(_("Vui lòng nhập tiêu đề."))
    )
    content = forms.CharField(
        label=_("Nội dung phản ánh, kiến nghị"),
        max_length=MAX_PETITION_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages=_required(_("Vui lòng nhập nội dung.")),
    )
    agency = forms.ModelChoiceField(
        label=_("Cơ quan liên quan (nếu biết)"),
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label=_("Không rõ cơ quan nào"),
        error_messages={"invalid_choice": _("Lựa chọn không hợp lệ. Vui lòng chọn lại.")},
    )
    dossier_code = forms.CharField(
        label=_("Mã hồ sơ liên quan (nếu có)"),
        max_length=60,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )
    allow_publication = forms.BooleanField(
        label=_("Cho phép công khai nội dung phản ánh và câu trả lời"),
        required=False,
        help_text=_(
            "Họ tên và thông tin liên hệ của bạn không bao giờ được công khai. "
            "Đừng ghi thông tin cá nhân vào nội dung nếu chọn công khai."
        ),
    )
    # Honeypot: hidden from people by CSS, filled in by bots that fill in
    # everything. Named like a real field so that bots take the bait.
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Today's agencies: one ended by a reorganisation no longer answers.
        today = timezone.localdate()
        self.fields["agency"].queryset = Agency.objects.valid_on(today).order_by("name")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_phone = data.get("sender_phone") or self.has_error("sender_phone")
        has_email = data.get("sender_email") or self.has_error("sender_email")
        if not (has_phone or has_email):
            raise forms.ValidationError(
                _(
                    "Vui lòng nhập số điện thoại hoặc thư điện tử (ít nhất một) để nhận trả lời "
                    "và tra cứu kết quả."
                )
            )
        return data

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def petition_fields(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name != "website"}


class PetitionLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        error_messages=_required(_("Vui lòng nhập mã tra cứu.")),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    contact = forms.CharField(
        label=_("Số điện thoại hoặc thư điện tử đã dùng khi gửi"),
        max_length=254,
        error_messages=_required(_("Vui lòng nhập số điện thoại hoặc thư điện tử.")),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Nội dung trả lời"),
        max_length=MAX_ANSWER_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages=_required(_("Vui lòng nhập nội dung trả lời.")),
    )


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Lý do đóng"),
        max_length=300,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )
