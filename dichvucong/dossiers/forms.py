"""Forms of the applicant's pages (the e-form itself is in eforms.py)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from dichvucong.catalogue.models import AdminUnit, Procedure, RequiredDocument
from dichvucong.dossiers import submission
from dichvucong.dossiers.codes import example_code
from dichvucong.dossiers.constants import CREATION_KEY_PATTERN, Delivery

TOO_LONG = _("Tối đa %(limit_value)d ký tự (bạn đã nhập %(show_value)d).")
CREATION_KEY = re.compile(CREATION_KEY_PATTERN)
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class SummaryMixin:
    """error_links() for the error summary at the top of a page."""

    def error_links(self) -> list[tuple[str, str, str]]:
        form: Any = self
        links = []
        for name, errors in form.errors.items():
            field = form.fields.get(name)
            links.append(
                (
                    form[name].auto_id if field else "",
                    str(field.label) if field else "",
                    str(errors[0]),
                )
            )
        return links


class StartForm(SummaryMixin, forms.Form):
    """Where to submit (ward procedures) and how to receive the result."""

    ward = forms.ModelChoiceField(
        label=_("Nộp tại phường/xã"),
        queryset=AdminUnit.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Vui lòng chọn phường/xã nơi nộp hồ sơ."),
            "invalid_choice": _("Lựa chọn không hợp lệ. Vui lòng chọn lại."),
        },
    )
    delivery = forms.ChoiceField(
        label=_("Cách nhận kết quả"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vui lòng chọn cách nhận kết quả."),
            "invalid_choice": _("Lựa chọn không hợp lệ. Vui lòng chọn lại."),
        },
    )
    delivery_address = forms.CharField(
        label=_("Địa chỉ nhận kết quả qua bưu chính"),
        required=False,
        max_length=submission.POSTAL_ADDRESS_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Chỉ cần khi bạn chọn nhận qua bưu chính."),
        error_messages={"max_length": TOO_LONG},
    )
    # A fresh key in each page: a double click or a resent form makes one
    # draft (submission.start_draft), as the API's Idempotency-Key does.
    creation_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, procedure: Procedure, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["creation_key"].initial = uuid.uuid4().hex
        self.procedure = procedure
        choices = submission.delivery_choices(procedure)
        self.fields["delivery"].choices = [(c.value, c.label) for c in choices]
        self.fields["delivery"].initial = choices[0].value
        if submission.is_ward_procedure(procedure):
            self.fields["ward"].queryset = submission.receiving_wards()
            self.fields["ward"].initial = submission.home_ward(user)
        else:
            del self.fields["ward"]
        if Delivery.POST not in choices:
            del self.fields["delivery_address"]

    def clean_creation_key(self) -> str | None:
        # Anything but the token we sent only turns the protection off.
        key = self.cleaned_data.get("creation_key") or ""
        return key if CREATION_KEY.fullmatch(key) else None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("delivery") == Delivery.POST and not cleaned.get("delivery_address"):
            self.add_error(
                "delivery_address", _("Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.")
            )
        return cleaned


class WithdrawForm(SummaryMixin, forms.Form):
    # A withdrawal cannot be undone: one tick guards against a slip of the thumb.
    confirm = forms.BooleanField(
        label=_("Tôi muốn rút hồ sơ này"),
        error_messages={"required": _("Vui lòng đánh dấu để xác nhận rút hồ sơ.")},
    )
    reason = forms.CharField(
        label=_("Lý do rút hồ sơ (không bắt buộc)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": TOO_LONG},
    )


class SupplementForm(SummaryMixin, forms.Form):
    note = forms.CharField(
        label=_("Ghi chú gửi cơ quan (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": TOO_LONG},
    )


class LookupForm(SummaryMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=60,
        error_messages={
            "required": _("Nhập mã hồ sơ in trên giấy tiếp nhận."),
            "max_length": TOO_LONG,
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )
    factor = forms.CharField(
        label=_("Số điện thoại hoặc số định danh cá nhân của người nộp"),
        max_length=20,
        error_messages={
            "required": _(
                "Nhập số điện thoại 10 chữ số, ví dụ 0912345678, hoặc số định danh cá nhân "
                "12 chữ số in trên thẻ căn cước."
            ),
            "max_length": TOO_LONG,
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _(
            "In trên giấy tiếp nhận, gồm mã cơ quan, ngày nộp và số thứ tự, ví dụ %(code)s."
        ) % {"code": example_code()}

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper()


def posted_files(
    files: MultiValueDict[str, UploadedFile], documents: list[RequiredDocument]
) -> list[tuple[RequiredDocument | None, UploadedFile]]:
    """The files chosen in the inputs "doc-<id>" (one per required
    document) and "doc-other", paired with their document."""
    pairs: list[tuple[RequiredDocument | None, UploadedFile]] = []
    for document in [*documents, None]:
        key = f"doc-{document.pk}" if document is not None else "doc-other"
        for upload in files.getlist(key):
            pairs.append((document, upload))
    return pairs
