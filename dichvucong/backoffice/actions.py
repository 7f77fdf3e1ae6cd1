"""The back-office actions: for each, its form, the one lifecycle operation
it calls, and whether to offer it.

`offered` only decides which buttons to show, so the clerk is not tempted
by one that cannot work; the rules themselves are enforced by lifecycle,
which every POST goes through whatever the page showed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import Role
from dichvucong.backoffice import forms as action_forms
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import (
    Status,
)
from dichvucong.dossiers.models import Dossier
from dichvucong.lib.money import format_vnd
from dichvucong.results import service as results

Run = Callable[[Dossier, Any, Any], str]


@dataclass(frozen=True)
class Action:
    slug: str
    label: str | Promise
    form_class: type[action_forms.ActionForm]
    run: Run  # calls one lifecycle operation, returns the success message
    help: str | Promise = ""
    danger: bool = False


def _day(value: date | None) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _accept(dossier: Dossier, user: Any, form: Any) -> str:
    dossier = lifecycle.accept(dossier, user, **form.fee_arguments())
    if dossier.status == Status.AWAITING_PAYMENT:
        return gettext("Đã tiếp nhận. Hồ sơ chờ nộp lệ phí %(amount)s.") % {
            "amount": format_vnd(dossier.fee_amount)
        }
    return gettext("Đã tiếp nhận hồ sơ. Ngày hẹn trả kết quả: %(date)s.") % {
        "date": _day(dossier.due_date)
    }


def _refuse(dossier: Dossier, user: Any, form: Any) -> str:
    lifecycle.refuse(dossier, user, form.cleaned_data["reason"])
    return gettext("Đã từ chối tiếp nhận hồ sơ. Hãy in phiếu từ chối (mẫu 03).")


def _supplement(dossier: Dossier, user: Any, form: Any) -> str:
    lifecycle.request_supplement(dossier, user, form.missing(), form.cleaned_data["note"])
    return gettext("Đã gửi yêu cầu bổ sung. Hãy in phiếu yêu cầu bổ sung (mẫu 02).")


def _assign(dossier: Dossier, user: Any, form: Any) -> str:
    specialist = form.cleaned_data["specialist"]
    lifecycle.assign(dossier, user, specialist)
    return gettext("Đã phân công cho %(name)s.") % {"name": specialist.get_full_name()}


def _forward(dossier: Dossier, user: Any, form: Any) -> str:
    results.forward(dossier, user, form.cleaned_data["opinion"])
    return gettext("Đã trình lãnh đạo phê duyệt.")


def _approve(dossier: Dossier, user: Any, form: Any) -> str:
    lifecycle.approve(dossier, user)
    return gettext("Đã phê duyệt. Hồ sơ đã xử lý xong, chờ trả kết quả.")


def _send_back(dossier: Dossier, user: Any, form: Any) -> str:
    lifecycle.send_back(dossier, user, form.cleaned_data["reason"])
    return gettext("Đã trả lại chuyên viên để sửa dự thảo kết quả.")


def _stop(dossier: Dossier, user: Any, form: Any) -> str:
    lifecycle.stop(dossier, user, form.cleaned_data["reason"])
    return gettext("Đã dừng xử lý hồ sơ.")


def _return(dossier: Dossier, user: Any, form: Any) -> str:
    lifecycle.return_result(dossier, user, form.cleaned_data.get("tracking_number", ""))
    return gettext("Đã trả kết quả cho người nộp.")


def _apologise(dossier: Dossier, user: Any, form: Any) -> str:
    data = form.cleaned_data
    lifecycle.apologise(dossier, user, data["new_date"], data["reason"])
    return gettext("Đã lập phiếu xin lỗi và hẹn lại ngày %(date)s. Hãy in phiếu mẫu 04.") % {
        "date": _day(data["new_date"])
    }


ACTIONS: dict[str, Action] = {
    action.slug: action
    for action in [
        Action(
            "accept",
            _("Tiếp nhận"),
            action_forms.AcceptForm,
            _accept,
            _("Hồ sơ đầy đủ, hợp lệ. Hệ thống tính ngày hẹn trả; in phiếu tiếp nhận (mẫu 01)."),
        ),
        Action(
            "supplement",
            _("Yêu cầu bổ sung"),
            action_forms.SupplementForm,
            _supplement,
            _("Chỉ được yêu cầu bổ sung một lần: ghi đầy đủ mọi thứ còn thiếu."),
        ),
        Action(
            "refuse",
            _("Từ chối tiếp nhận"),
            action_forms.ReasonForm,
            _refuse,
            _("Hồ sơ không thuộc thẩm quyền hoặc không đủ điều kiện. Ghi rõ lý do."),
            danger=True,
        ),
        Action(
            "assign",
            _("Phân công"),
            action_forms.AssignForm,
            _assign,
            _("Giao hồ sơ cho chuyên viên thẩm định, xử lý."),
        ),
        Action(
            "forward",
            _("Trình lãnh đạo"),
            action_forms.ForwardForm,
            _forward,
            _("Gửi hồ sơ đã thẩm định và dự thảo kết quả để lãnh đạo phê duyệt."),
        ),
        Action(
            "approve",
            _("Phê duyệt"),
            action_forms.ConfirmForm,
            _approve,
            _("Đồng ý với kết quả chuyên viên trình; hồ sơ chuyển sang “Đã xử lý xong”."),
        ),
        Action(
            "send_back",
            _("Trả lại chuyên viên"),
            action_forms.ReasonForm,
            _send_back,
            _("Chưa đồng ý với dự thảo kết quả: ghi rõ cần sửa gì."),
        ),
        Action(
            "stop",
            _("Dừng xử lý"),
            action_forms.ReasonForm,
            _stop,
            _("Hồ sơ không đủ điều kiện giải quyết. Ghi rõ lý do để báo người nộp."),
            danger=True,
        ),
        Action(
            "return",
            _("Trả kết quả"),
            action_forms.ReturnForm,
            _return,
            _("Bấm khi người nộp đã nhận kết quả."),
        ),
        Action(
            "apologise",
            _("Xin lỗi và hẹn lại"),
            action_forms.ApologyForm,
            _apologise,
            _("Khi không kịp hạn: lập trước ngày hẹn trả ít nhất một ngày; chỉ một lần."),
        ),
    ]
}


# The usual next step first, the exceptional ones after it.
SHOWN_IN_ORDER = (
    "accept", "approve", "forward", "assign", "return",
    "supplement", "refuse", "send_back", "stop", "apologise",
)  # fmt: skip


def offered(dossier: Dossier, user: Any, roles: frozenset[str], today: date) -> list[Action]:
    """The actions that could succeed now, in the order a clerk needs them."""
    return [ACTIONS[slug] for slug in SHOWN_IN_ORDER if _OFFERED[slug](dossier, user, roles, today)]


def _receptionist_at_reception(d: Dossier, user: Any, roles: frozenset[str], _t: date) -> bool:
    return Role.RECEPTIONIST in roles and d.status == Status.SUBMITTED


def _supplement_offered(d: Dossier, user: Any, roles: frozenset[str], today: date) -> bool:
    if d.status == Status.SUBMITTED:
        allowed = Role.RECEPTIONIST in roles
    elif d.status == Status.PROCESSING:
        allowed = d.assignee_id == user.pk and lifecycle.within_supplement_window(d, today)
    else:
        return False
    return allowed and not lifecycle.supplement_used_up(d)


def _assign_offered(d: Dossier, user: Any, roles: frozenset[str], _t: date) -> bool:
    return Role.LEADER in roles and d.status in (Status.ACCEPTED, Status.PROCESSING)


def _forward_offered(d: Dossier, user: Any, roles: frozenset[str], _t: date) -> bool:
    # Once forwarded the holder is nobody; forwarding again would only
    # repeat the event.
    return results.can_draft(d, user)


def _approve_offered(d: Dossier, user: Any, roles: frozenset[str], _t: date) -> bool:
    return Role.LEADER in roles and d.status == Status.PROCESSING and lifecycle.was_forwarded(d)


def _stop_offered(d: Dossier, user: Any, roles: frozenset[str], _t: date) -> bool:
    return Role.LEADER in roles and d.status == Status.PROCESSING


def _return_offered(d: Dossier, user: Any, roles: frozenset[str], _t: date) -> bool:
    return Role.RECEPTIONIST in roles and d.status == Status.RESOLVED


def _apology_offered(d: Dossier, user: Any, roles: frozenset[str], today: date) -> bool:
    return bool(roles & {Role.LEADER, Role.RECEPTIONIST}) and lifecycle.apology_possible(d, today)


_OFFERED: dict[str, Callable[[Dossier, Any, frozenset[str], date], bool]] = {
    "accept": _receptionist_at_reception,
    "supplement": _supplement_offered,
    "refuse": _receptionist_at_reception,
    "assign": _assign_offered,
    "forward": _forward_offered,
    "approve": _approve_offered,
    "send_back": _approve_offered,
    "stop": _stop_offered,
    "return": _return_offered,
    "apologise": _apology_offered,
}
