"""What the security audit trail records."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    LOGIN = "login", _("đăng nhập")
    LOGIN_FAILED = "login_failed", _("đăng nhập không thành công")
    LOGOUT = "logout", _("đăng xuất")
    ACCESS_DENIED = "access_denied", _("bị từ chối truy cập")
    TWO_FACTOR = "two_factor", _("xác thực hai lớp")
    PASSWORD = "password", _("mật khẩu")
    STAFF_ACTION = "staff_action", _("thao tác của cán bộ")
    ADMIN = "admin", _("quản trị")
