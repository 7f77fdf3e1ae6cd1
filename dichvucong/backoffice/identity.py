"""The counter's identity page: a receptionist checks an ID card and
confirms or hands over the account that carries its number
(accounts.counter holds the rules). Everything travels by POST: an ID
number never appears in a URL or a log line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts import counter
from dichvucong.accounts.counter import CardCheck
from dichvucong.accounts.fields import IdNumberField, PhoneField
from dichvucong.accounts.models import CitizenProfile
from dichvucong.notifications.masking import mask_phone

CARD_SEEN = _("Tôi đã đối chiếu thẻ căn cước bản gốc với người đến quầy")
MUST_SEE_CARD = _("Chỉ thực hiện sau khi đã xem thẻ căn cước bản gốc: hãy đánh dấu ô này.")
BAD_DATE = _("Ngày sinh chưa đúng. Hãy viết ngày/tháng/năm, ví dụ 25/03/1980.")

FIND, VERIFY, HAND_OVER = "find", "verify", "hand_over"


class FindForm(forms.Form):
    id_number = IdNumberField(label=_("Số định danh cá nhân trên thẻ căn cước"))


def card_seen_field() -> forms.BooleanField:
    return forms.BooleanField(label=CARD_SEEN, error_messages={"required": MUST_SEE_CARD})


class VerifyForm(FindForm):
    card_seen = card_seen_field()


class HandOverForm(FindForm):
    card_seen = card_seen_field()
    full_name = forms.CharField(label=_("Họ và tên trên thẻ"), max_length=150)
    date_of_birth = forms.DateField(
        label=_("Ngày sinh trên thẻ"),
        error_messages={"invalid": BAD_DATE},
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )
    phone = PhoneField(label=_("Số điện thoại di động của chủ thẻ"))

    def card(self) -> CardCheck:
        data = self.cleaned_data
        return CardCheck(data["full_name"].strip(), data["date_of_birth"], data["phone"])


class CarriedNumber(forms.Form):
    """The ID number found by the search, carried to the next step hidden."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["id_number"].widget = forms.HiddenInput()


class VerifyStep(CarriedNumber, VerifyForm):
    pass


class HandOverStep(CarriedNumber, HandOverForm):
    pass


def step_forms(step: str, data: Any, id_number: str) -> dict[str, forms.Form]:
    """Both choices for the account found: the form of `step` bound to
    what was posted, the other empty, each carrying the ID number."""
    initial = {"id_number": id_number}
    posted = {
        VERIFY: data if step == VERIFY else None,
        HAND_OVER: data if step == HAND_OVER else None,
    }
    return {
        "verify_form": VerifyStep(posted[VERIFY], initial=initial, auto_id="id_verify_%s"),
        "hand_over_form": HandOverStep(posted[HAND_OVER], initial=initial, auto_id="id_hand_%s"),
    }


def find(officer: Any, id_number: str) -> CitizenProfile | None:
    """The account carrying this number, the search itself audited."""
    profile = counter.find_citizen(id_number)
    counter.record_lookup(officer, profile)
    return profile


def act(officer: Any, step: str, form: forms.Form, profile: CitizenProfile) -> str:
    """Do what the receptionist chose; the message to show."""
    if step == VERIFY:
        counter.verify_holder(officer, profile)
        return str(DONE_VERIFY)
    counter.hand_over(officer, profile, form.card())  # type: ignore[attr-defined]
    return str(DONE_HAND_OVER)


DONE_VERIFY = _("Đã ghi nhận: tài khoản đã được xác minh tại Bộ phận Một cửa.")
DONE_HAND_OVER = _(
    "Đã trả lại tài khoản cho chủ thẻ. Người giữ tài khoản trước đã bị đăng xuất. Hướng dẫn "
    "công dân: trên điện thoại, vào “Quên mật khẩu”, nhập số định danh và số điện thoại vừa "
    "khai để nhận mã và đặt mật khẩu."
)


STEP_FORMS: dict[str, type[forms.Form]] = {
    FIND: FindForm,
    VERIFY: VerifyStep,
    HAND_OVER: HandOverStep,
}


@dataclass
class Page:
    context: dict[str, Any] = field(default_factory=dict)
    done: str = ""


def handle(officer: Any, data: Any) -> Page:
    """One request to the page: a search, or one of the two actions on
    the account found; an invalid form comes back with its errors."""
    step = data.get("step", "") if data is not None else ""
    if step not in STEP_FORMS:
        return Page({"find_form": FindForm()})
    form = STEP_FORMS[step](data)
    valid = form.is_valid()
    number = form.cleaned_data.get("id_number", "") if valid else data.get("id_number", "")
    if step == FIND:
        if not valid:
            return Page({"find_form": form})
        profile = find(officer, number)
    else:
        profile = counter.find_citizen(number) if number else None
        if valid and profile is not None:
            return Page(done=act(officer, step, form, profile))
    context = {
        "find_form": FindForm(),
        "searched": True,
        "profile": profile,
        "masked_phone": mask_phone(profile.phone) if profile is not None else "",
    }
    return Page({**context, **step_forms(step, data, number)})
