"""Log-ins, failed log-ins and log-outs, from Django's own auth signals,
which every login page (the site's and the admin's) goes through; and the
admin's history, as it is written."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest

from dichvucong.audit import admin_log, service
from dichvucong.audit.constants import Action
from dichvucong.lib.masking import mask_typed_name


@receiver(user_logged_in, dispatch_uid="audit.logged_in")
def on_logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    service.record(Action.LOGIN, "Đăng nhập", request=request, actor=user)


@receiver(user_logged_out, dispatch_uid="audit.logged_out")
def on_logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:  # logging out without being logged in changes nothing
        service.record(Action.LOGOUT, "Đăng xuất", request=request, actor=user)


@receiver(user_login_failed, dispatch_uid="audit.login_failed")
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """Django has already blanked the password in `credentials`; the name
    typed is kept only masked. A name that belongs to an account files the
    attempt under that account, so its trail shows who is trying it."""
    user_model = get_user_model()
    typed = str(credentials.get(user_model.USERNAME_FIELD) or "")
    account = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: typed}).first()
    service.record(
        Action.LOGIN_FAILED,
        "Đăng nhập không thành công",
        request=request,
        actor=account,
        actor_label="" if account is not None else mask_typed_name(typed),
        detail={"account_exists": account is not None},
    )


@receiver(post_save, sender=LogEntry, dispatch_uid="audit.admin_log")
def on_admin_log_entry(sender: Any, instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if created:
        admin_log.record_entry(instance)
