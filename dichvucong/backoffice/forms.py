"""The queue filter and one small form per back-office action. The forms
only shape the input; every rule is checked by dossiers.lifecycle."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import Role
from dichvucong.accounts.models import User
from dichvucong.backoffice.queues import Queue
from dichvucong.catalogue.fees import EXEMPTION_LABELS
from dichvucong.catalogue.models import Procedure, RequiredDocument
from dichvucong.dossiers.constants import Delivery
from dichvucong.dossiers.models import Dossier

DATE_PLACEHOLDER = _("dd/mm/yyyy")


class QueueFilterForm(forms.Form):
    """Read from the query string; a bad value is ignored, never an error."""

    queue = forms.TypedChoiceField(choices=Queue.choices, coerce=Queue, required=False)
    q = forms.CharField(label=_("Tìm hồ sơ"), max_length=100, required=False)
    procedure = forms.ModelChoiceField(
        label=_("Thủ tục"),
        queryset=Procedure.objects.none(),
        required=False,
        empty_label=_("Tất cả thủ tục"),
    )
    mine = forms.BooleanField(label=_("Chỉ hồ sơ của tôi"), required=False)

    def __init__(self, *args: Any, procedures: QuerySet[Procedure], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = procedures

    def value(self, name: str) -> Any:
        """The cleaned value, or None when it was missing or bad."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None


class ActionForm(forms.Form):
    """An action's input; knows its dossier so choices can depend on it."""

    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        self.dossier = dossier
        super().__init__(*args, **kwargs)


class ConfirmForm(ActionForm):
    """Approve: the button is the whole input."""


class AcceptForm(ActionForm):
    """Reception confirms the fee (lifecycle.accept): an amount only when the
    catalogue has none, and a yes/no only when the applicant claimed an
    exemption. Otherwise the button is the whole input."""

    fee_amount = forms.IntegerField(
        label=_("Lệ phí phải nộp (đồng)"),
        min_value=0,
        max_value=1_000_000_000,
        help_text=_(
            "Danh mục chưa có mức lệ phí của thủ tục này: nhập số tiền chỉ gồm chữ số, "
            "ví dụ 8000; nhập 0 nếu miễn."
        ),
        error_messages={
            "required": _("Nhập số tiền lệ phí chỉ gồm chữ số, ví dụ 8000; nhập 0 nếu miễn."),
            "invalid": _("Nhập số tiền lệ phí chỉ gồm chữ số, ví dụ 8000; nhập 0 nếu miễn."),
        },
    )
    exemption = forms.TypedChoiceField(
        choices=[("yes", _("Có, miễn lệ phí")), ("no", _("Không, phải nộp lệ phí"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.dossier.fee_amount is not None:
            del self.fields["fee_amount"]
        if self.dossier.fee_exemption:
            category = EXEMPTION_LABELS.get(self.dossier.fee_exemption, self.dossier.fee_exemption)
            self.fields["exemption"].label = _(
                "Người nộp kê khai thuộc đối tượng miễn, giảm: %(category)s. "
                "Giấy tờ chứng minh có hợp lệ không?"
            ) % {"category": category}
        else:
            del self.fields["exemption"]

    def fee_arguments(self) -> dict[str, Any]:
        return {
            "fee_amount": self.cleaned_data.get("fee_amount"),
            "exemption_confirmed": self.cleaned_data.get("exemption"),
        }


class ReturnForm(ActionForm):
    """The postal tracking number, asked only for results sent by post."""

    tracking_number = forms.CharField(label=_("Mã bưu gửi"), max_length=40)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.dossier.delivery != Delivery.POST:
            del self.fields["tracking_number"]


class ReasonForm(ActionForm):
    reason = forms.CharField(
        label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ForwardForm(ActionForm):
    opinion = forms.CharField(
        label=_("Ý kiến đề xuất của chuyên viên"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SupplementForm(ActionForm):
    """Everything missing at once (Decree 61/2018): the procedure's listed
    documents as boxes to tick, plus free lines for anything else."""

    documents = forms.ModelMultipleChoiceField(
        label=_("Giấy tờ còn thiếu"),
        queryset=RequiredDocument.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other = forms.CharField(
        label=_("Giấy tờ khác hoặc nội dung cần sửa (mỗi dòng một mục)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(
        label=_("Ghi chú cho người nộp"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = self.dossier.procedure.documents.all()

    def missing(self) -> list[str]:
        ticked = [document.name for document in self.cleaned_data["documents"]]
        return ticked + self.cleaned_data["other"].splitlines()


class AssignForm(ActionForm):
    specialist = forms.ModelChoiceField(
        label=_("Chuyên viên"), queryset=User.objects.none(), empty_label=_("— Chọn chuyên viên —")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["specialist"].queryset = specialists_of(self.dossier)
        self.fields["specialist"].label_from_instance = User.get_full_name


def specialists_of(dossier: Dossier) -> QuerySet[User]:
    """Specialists of the dossier's agency or of the People's Committee it
    belongs to: the people `access.holds_role` accepts as specialists."""
    agencies = Q(staff_roles__agency_id=dossier.agency_id)
    if dossier.agency.parent_id is not None:
        agencies |= Q(staff_roles__agency_id=dossier.agency.parent_id)
    return (
        User.objects.filter(agencies, staff_roles__role=Role.SPECIALIST, is_active=True)
        .distinct()
        .order_by("full_name", "username")
    )


class ApologyForm(ActionForm):
    new_date = forms.DateField(
        label=_("Ngày hẹn trả mới"),
        input_formats=["%d/%m/%Y"],
        error_messages={"invalid": _("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 25/12/2026.")},
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )
    reason = forms.CharField(
        label=_("Lý do chậm trễ"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ResultDraftForm(forms.Form):
    """The result's facts (labels from the template, values editable) and
    its body; results.service.save_draft decides whether it may be saved."""

    body = forms.CharField(
        label=_("Nội dung văn bản"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, rows: list[dict[str, str]], body: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.count = len(rows)
        for index, row in enumerate(rows):
            self.fields[f"value_{index}"] = forms.CharField(
                label=row.get("label", ""), required=False, max_length=1000,
                initial=row.get("value", ""),
            )
        self.fields["body"].initial = body
        self.order_fields([*(f"value_{i}" for i in range(self.count)), "body"])

    def values(self) -> list[str]:
        return [self.cleaned_data.get(f"value_{i}", "") for i in range(self.count)]
