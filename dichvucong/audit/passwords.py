"""Every password set, whatever the way: recovery by SMS code, the e-mail
reset link, the admin, a coordinator issuing pupils' logins, a command.

Django tells each configured password validator when an account's password
has been set (`password_changed`, called by AbstractBaseUser.save after
set_password), which makes the validator list the one place all those ways
pass through. This entry in AUTH_PASSWORD_VALIDATORS checks nothing; it
records, and never sees the password beyond being handed it."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from dichvucong.audit import context, service
from dichvucong.audit.constants import Action
from dichvucong.lib.masking import mask_account_name


class RecordPasswordChanges:
    def validate(self, password: str, user: Any = None) -> None:
        return None

    def get_help_text(self) -> str:
        return _("Mỗi lần đặt mật khẩu được ghi vào nhật ký an ninh (không ghi mật khẩu).")

    def password_changed(self, password: str, user: Any = None) -> None:
        if user is None or not user.pk:
            return
        request = context.current_request()
        by = service.account_of(request) if request is not None else None
        if request is None:
            what, actor = "Đặt mật khẩu (lệnh quản trị hoặc tác vụ nền)", None
        elif by is None:
            what, actor = "Đặt lại mật khẩu (quên mật khẩu)", user
        elif by.pk == user.pk:
            what, actor = "Đổi mật khẩu", user
        else:
            what, actor = "Đặt mật khẩu cho tài khoản khác", by
        service.record(
            Action.PASSWORD,
            what,
            request=request,
            actor=actor,
            target=mask_account_name(user.get_username()),
            detail={"account": user.pk},
        )
