"""Account forms. They clean what was typed and ask services.py for the
rules; they never create anything themselves."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts import recovery, services
from dichvucong.accounts.constants import EID_LOCKED_FIELDS
from dichvucong.accounts.fields import AccountNumberField, IdNumberField, PhoneField, TaxCodeField
from dichvucong.accounts.models import User
from dichvucong.throttle import client_address, rules, within_hourly_limit

REQUIRED = _("Vui lòng điền mục này.")
CHOOSE = _("Vui lòng chọn một mục trong danh sách.")
BAD_EMAIL = _("Địa chỉ thư điện tử chưa đúng, ví dụ: ten@gmail.com")
BAD_DATE = _("Ngày sinh chưa đúng. Hãy viết ngày/tháng/năm, ví dụ 25/03/1980.")
PASSWORDS_DIFFER = _("Hai lần nhập mật khẩu không giống nhau. Vui lòng nhập lại.")


class PlainForm(forms.Form):
    """Plain-word messages for the mistakes every form shares."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = REQUIRED
            if isinstance(field, forms.ModelChoiceField):
                field.error_messages["required"] = CHOOSE
                field.error_messages["invalid_choice"] = CHOOSE
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = BAD_EMAIL

    def add_field_errors(self, errors: list[services.FieldError]) -> None:
        for error in errors:
            if error.field in self.fields:
                self.add_error(error.field, error.message)
            else:
                self.add_error(None, error.message)


class GroupChoiceField(forms.ModelChoiceField):
    """Groups listed under their ward (one <optgroup> per ward, in natural
    order): without JavaScript the list reads in blocks of one ward; with
    it, static/js/ward-groups.js shows only the chosen ward's block. The
    server checks the group lies in the ward either way."""

    # Required whenever the chosen ward has groups (services.address_errors),
    # so the page must not call it optional.
    conditionally_required = True

    def grouped_choices(self) -> list[tuple[Any, Any]]:
        return [
            ("", self.empty_label),
            *[
                (ward.name, [(group.pk, group.name) for group in groups])
                for ward, groups in services.groups_by_ward()
            ],
        ]


def offer_todays_units(form: forms.Form) -> None:
    """Today's wards and groups: the lists are read again for each form,
    so a reorganisation that starts overnight shows without a restart."""
    form.fields["ward"].queryset = services.ward_choices()  # type: ignore[attr-defined]
    groups = form.fields.get("residential_group")
    if groups is not None:
        groups.queryset = services.group_choices()  # type: ignore[attr-defined]
        groups.widget.choices = groups.grouped_choices()  # type: ignore[attr-defined]
        # What the script matches the <optgroup> labels against.
        form.fields["ward"].widget.attrs["data-ward-groups"] = "id_residential_group"


def ward_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Phường/xã"),
        queryset=services.ward_choices(),
        empty_label=_("— Chọn phường/xã —"),
    )


class PasswordPairForm(PlainForm):
    # The password is never sent back to the page: PasswordInput drops it.
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        help_text=_("Ít nhất 8 ký tự, không được toàn chữ số, không quá dễ đoán."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password2(self) -> str:
        first = self.cleaned_data.get("password1")
        second: str = self.cleaned_data["password2"]
        if first and first != second:
            raise ValidationError(PASSWORDS_DIFFER, code="password_mismatch")
        validate_password(second)
        return second


class CitizenRegistrationForm(PasswordPairForm):
    full_name = forms.CharField(
        label=_("Họ và tên"),
        max_length=150,
        help_text=_("Viết có dấu, đúng như trên thẻ căn cước."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    id_number = IdNumberField(
        label=_("Số định danh cá nhân"),
        help_text=_("12 số in trên thẻ căn cước. Số này cũng là tên đăng nhập của bạn."),
    )
    date_of_birth = forms.DateField(
        label=_("Ngày sinh"),
        help_text=_("Ngày/tháng/năm, ví dụ 25/03/1980."),
        error_messages={"invalid": BAD_DATE},
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "bday"}),
    )
    phone = PhoneField(label=_("Số điện thoại di động"))
    email = forms.EmailField(
        label=_("Thư điện tử (e-mail)"),
        required=False,
        help_text=_("Dùng để lấy lại mật khẩu khi quên."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    address = forms.CharField(
        label=_("Số nhà, ngõ, đường"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    ward = ward_field()
    residential_group = GroupChoiceField(
        label=_("Tổ dân phố"),
        help_text=_("Chọn tổ dân phố thuộc phường/xã bạn đã chọn ở trên."),
        required=False,
        empty_label=_("— Chọn tổ dân phố —"),
        queryset=services.group_choices(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_todays_units(self)

    field_order = [
        "full_name",
        "id_number",
        "date_of_birth",
        "phone",
        "email",
        "address",
        "ward",
        "residential_group",
        "password1",
        "password2",
    ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.add_field_errors(
            services.citizen_registration_errors(
                id_number=data.get("id_number"),
                date_of_birth=data.get("date_of_birth"),
                ward=data.get("ward"),
                residential_group=data.get("residential_group"),
            )
        )
        return data

    def registration(self) -> services.CitizenRegistration:
        data = self.cleaned_data
        return services.CitizenRegistration(
            full_name=data["full_name"],
            id_number=data["id_number"],
            date_of_birth=data["date_of_birth"],
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            ward=data["ward"],
            residential_group=data["residential_group"],
            password=data["password2"],
        )


class CitizenDetailsForm(PlainForm):
    """A citizen's own details. On an account linked to the national e-ID
    the provider's fields are disabled: Django then ignores whatever the
    browser sends for them, and the service refuses a change anyway."""

    # The registration form's fields (each form instance copies them).
    field_names = ("full_name", "date_of_birth", "email", "address", "ward", "residential_group")
    full_name = CitizenRegistrationForm.base_fields["full_name"]
    date_of_birth = CitizenRegistrationForm.base_fields["date_of_birth"]
    email = CitizenRegistrationForm.base_fields["email"]
    address = CitizenRegistrationForm.base_fields["address"]
    ward = CitizenRegistrationForm.base_fields["ward"]
    residential_group = CitizenRegistrationForm.base_fields["residential_group"]

    def __init__(self, *args: Any, locked: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_todays_units(self)
        if locked:
            # Disabled: its value is the e-ID's, even a ward ended since.
            self.fields["ward"].queryset = services.ward_choices(ended_too=True)  # type: ignore[attr-defined]
            for name in EID_LOCKED_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].required = False
                self.fields[name].help_text = services.FROM_PROVIDER

    def details(self) -> services.CitizenDetails:
        return services.CitizenDetails(
            **{name: self.cleaned_data[name] for name in self.field_names}
        )


class OrganisationRegistrationForm(PasswordPairForm):
    name = forms.CharField(label=_("Tên tổ chức, doanh nghiệp"), max_length=300)
    tax_code = TaxCodeField(
        label=_("Mã số thuế"),
        help_text=_(
            "10 số; chi nhánh 13 số, ví dụ 0101234567-001. Mã số thuế cũng là tên đăng nhập."
        ),
    )
    representative = forms.CharField(label=_("Họ và tên người đại diện"), max_length=150)
    phone = PhoneField(
        label=_("Số điện thoại di động liên hệ"),
        help_text=_("Số di động để nhận tin nhắn về hồ sơ."),
    )
    email = forms.EmailField(
        label=_("Thư điện tử (e-mail)"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    address = forms.CharField(label=_("Địa chỉ trụ sở (số nhà, đường)"), max_length=300)
    ward = ward_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_todays_units(self)

    field_order = [
        "name",
        "tax_code",
        "representative",
        "phone",
        "email",
        "address",
        "ward",
        "password1",
        "password2",
    ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.add_field_errors(
            services.organisation_registration_errors(tax_code=data.get("tax_code"))
        )
        return data

    def registration(self) -> services.OrganisationRegistration:
        data = self.cleaned_data
        return services.OrganisationRegistration(
            name=data["name"],
            tax_code=data["tax_code"],
            representative=data["representative"],
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            ward=data["ward"],
            password=data["password2"],
        )


def second_factor_code_field() -> forms.CharField:
    return forms.CharField(
        label=_("Mã xác thực hai lớp (dành cho cán bộ)"),
        required=False,
        max_length=20,
        help_text=_("6 chữ số đang hiện trên ứng dụng xác thực, hoặc một mã dự phòng."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class LoginForm(AuthenticationForm):
    """Authentication through services.authenticate_login, so every log-in
    counts failures and honours the limits. On a refused attempt the page
    also asks staff for their second-factor code, which lets them in all
    the same (the `code` field, present only then)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.refused: Any = None
        self.fields["username"].label = _("Số định danh cá nhân, mã số thuế hoặc tên đăng nhập")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].label = _("Mật khẩu")
        if "code" in self.data:
            self.fields["code"] = second_factor_code_field()
        for field in self.fields.values():
            field.error_messages["required"] = REQUIRED

    def clean(self) -> dict[str, Any]:
        name = self.cleaned_data.get("username") or ""
        password = self.cleaned_data.get("password")
        if name and password:
            code = self.cleaned_data.get("code") or ""
            try:
                self.user_cache = services.authenticate_login(self.request, name, password, code)
            except services.LoginRefused as refused:
                self.refused = refused.refused
                raise ValidationError(refused.message, code=refused.code) from refused
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def ask_for_code(self) -> None:
        if "code" not in self.fields:
            self.fields["code"] = second_factor_code_field()


def _same_email(a: str, b: str) -> bool:
    def fold(text: str) -> str:
        return unicodedata.normalize("NFKC", text).casefold()

    return fold(a) == fold(b)


class ResetRequestForm(PasswordResetForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Thư điện tử (e-mail) đã khai khi đăng ký")
        email.error_messages.update({"required": REQUIRED, "invalid": BAD_EMAIL})

    def save(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        """Links sent: per client address (429 past the limit) and per
        e-mail address, where going over sends nothing and says nothing,
        so the page tells no one whether an account has that address."""
        if request is not None:
            rules.CODE_SENDS.take(client_address(request))
        email = self.cleaned_data["email"].casefold()
        if not within_hourly_limit(f"password-reset:{email}", recovery.CODES_PER_ACCOUNT_PER_HOUR):
            return
        super().save(*args, request=request, **kwargs)

    def get_users(self, email: str) -> Iterator[Any]:
        """Django's choice, plus citizen and organisation accounts that
        have no usable password yet (made by an ambassador for an applicant
        with only an e-mail: outreach.assisted), so they can set a first
        one. Staff and API accounts without a password stay out: theirs is
        disabled on purpose."""
        users = User.objects.filter(email__iexact=email, is_active=True)
        for user in users:
            usable = user.has_usable_password() or recovery.recoverable(user)
            if usable and _same_email(email, user.email):
                yield user


class NewPasswordForm(SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Mật khẩu mới")
        self.fields["new_password2"].label = _("Nhập lại mật khẩu mới")
        # A copy: error_messages is shared by every instance of the class.
        self.error_messages = {**self.error_messages, "password_mismatch": PASSWORDS_DIFFER}


class RecoveryRequestForm(PlainForm):
    login_number = AccountNumberField(
        label=_("Số định danh cá nhân"),
        help_text=_("12 số in trên thẻ căn cước. Tổ chức, doanh nghiệp nhập mã số thuế."),
    )
    phone = PhoneField(
        label=_("Số điện thoại di động của tài khoản"),
        help_text=_(
            "Số bạn đã khai khi đăng ký, hoặc số đại sứ số đã khai khi giúp bạn nộp hồ sơ."
        ),
    )


class RecoveryCodeForm(PasswordPairForm):
    code = forms.RegexField(
        label=_("Mã xác nhận (6 chữ số)"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Mã xác nhận gồm 6 chữ số, có trong tin nhắn.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": 8}
        ),
    )

    field_order = ["code", "password1", "password2"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = _("Mật khẩu mới")
        self.fields["password2"].label = _("Nhập lại mật khẩu mới")


class PhoneCodeForm(PlainForm):
    code = forms.RegexField(
        label=_("Mã xác nhận (6 chữ số)"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Nhập 6 chữ số trong tin nhắn, ví dụ 123456.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": 8}
        ),
    )


class SecondFactorForm(PlainForm):
    """A code from the authenticator app, or (digits_only=False) one of the
    recovery codes."""

    code = forms.CharField(label=_("Mã xác thực"), max_length=20, strip=True)

    def __init__(self, *args: Any, digits_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        attrs = {"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        if digits_only:
            field.label = _("Mã 6 chữ số đang hiện trên ứng dụng")
            attrs["inputmode"] = "numeric"
        else:
            field.help_text = _(
                "6 chữ số đang hiện trên ứng dụng xác thực. Mất điện thoại: nhập một mã dự phòng."
            )
        field.widget.attrs.update(attrs)


class NotificationChannelForm(PlainForm):
    """How a citizen hears of their dossiers besides e-mail: SMS, or Zalo
    (offered only while the Zalo channel is configured)."""

    channel = forms.ChoiceField(
        label=_("Nhận thông báo về hồ sơ qua"),
        choices=[("sms", _("Tin nhắn SMS")), ("zalo", _("Zalo (gửi SMS nếu Zalo không gửi được)"))],
        widget=forms.RadioSelect,
    )


class OrganisationAddressForm(PlainForm):
    """An organisation's seat, as registered: today's wards only."""

    address = OrganisationRegistrationForm.base_fields["address"]
    ward = OrganisationRegistrationForm.base_fields["ward"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_todays_units(self)

    def details(self) -> services.OrganisationAddress:
        return services.OrganisationAddress(self.cleaned_data["address"], self.cleaned_data["ward"])
