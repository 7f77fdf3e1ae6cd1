"""The two ways to check a result: its code, or the file itself."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dichvucong.results import service


class CodeForm(forms.Form):
    """Sent by GET, as the QR code's link is: /xac-thuc/?ma=<code>."""

    ma = forms.CharField(
        label=_("Mã xác thực"),
        max_length=40,
        help_text=_("12 ký tự in trong khung “Mã xác thực” trên kết quả, ví dụ ABCD-EFGH-2345."),
        error_messages={
            "required": _("Vui lòng nhập mã xác thực."),
            "max_length": _("Mã xác thực gồm 12 ký tự."),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_ma(self) -> str:
        code = service.normalise_code(self.cleaned_data["ma"])
        if code is None:
            raise forms.ValidationError(
                _("Mã xác thực gồm 12 ký tự (chữ và số), dạng XXXX-XXXX-XXXX.")
            )
        return code


class UploadForm(forms.Form):
    tep = forms.FileField(
        label=_("Tệp PDF kết quả"),
        help_text=_(
            "Tệp PDF đã tải về từ hệ thống hoặc nhận được từ người khác, tối đa 10 MB. "
            "Tệp chỉ được dùng để kiểm tra chữ ký số và mã băm, không được lưu lại."
        ),
        error_messages={
            "required": _("Vui lòng chọn tệp PDF cần kiểm tra."),
            "empty": _("Tệp rỗng."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )

    def __init__(self, *args: Any, too_large: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.too_large = too_large

    def clean(self) -> dict[str, Any]:
        # The size handler stopped the upload, so the file is simply absent.
        if self.too_large:
            self.errors.pop("tep", None)
            raise forms.ValidationError(_("Tệp quá lớn: tối đa 10 MB."))
        return super().clean() or {}

    def clean_tep(self) -> bytes:
        """The uploaded file's bytes, once checked to be a PDF."""
        try:
            return service.upload_bytes(self.cleaned_data["tep"])
        except service.ResultError as error:
            raise forms.ValidationError(str(error)) from error
