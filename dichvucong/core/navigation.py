"""Which parts of the site a user may open: the main menu, the outreach
sub-menu, and the page the user starts from (after login, and as the way
back from a 403 page).

Every entry asks the rule of the app it leads to (the back office's
`back_office_roles`, reports' `dashboard_scope`, outreach's `scope_for`, `wards_for` and
`ambassadorship`, Django admin's `has_permission`) instead of restating
it, so a menu link cannot lead to a 403 page.

| Entry                  | Shown to                                            |
|------------------------|-----------------------------------------------------|
| Thủ tục, Tra cứu hồ sơ,| everyone                                            |
| Thống kê               |                                                     |
| Hồ sơ của tôi          | citizens and organisations (pupils included)        |
| Đại sứ số              | active ambassadors with the consents they need      |
| Một cửa                | receptionists, specialists, leaders of an agency    |
| Số liệu cơ quan        | staff of an agency, district leadership (dashboard) |
| Tuyên truyền           | education office, school coordinators, leadership   |
| Báo cáo tuyên truyền   | the same (year-end report); a ward's receptionists  |
|                        | and leaders (its residential-areas page only)       |
| Yêu cầu về dữ liệu     | the administrator (accounts' requests), those who   |
|                        | keep rosters (pupils' requests)                     |
| Quản trị               | accounts Django admin lets in (the administrator)   |
| Sự cố dữ liệu          | the administrator's role (breaches.access), asked   |
|                        | only of accounts Django admin lets in: no query for |
|                        | any other staff page                                |
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AccountKind
from dichvucong.backoffice.permissions import back_office_roles
from dichvucong.breaches.access import may_handle_incidents
from dichvucong.dossiers.access import applicant_dossiers
from dichvucong.outreach.access import scope_for
from dichvucong.outreach.areas import wards_for
from dichvucong.outreach.practice import ambassadorship
from dichvucong.reports.access import dashboard_scope
from dichvucong.rights.access import answers_accounts

APPLICANT_KINDS = (AccountKind.CITIZEN, AccountKind.ORGANISATION)


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool = False


class Navigation:
    """Worked out once per request, and only if a page shows a menu."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.user: Any = request.user

    @cached_property
    def sections(self) -> list[Link]:
        links = [
            Link(_("Thủ tục"), reverse("catalogue:list")),
            Link(_("Tra cứu hồ sơ"), reverse("lookup:form")),
            Link(_("Thống kê"), reverse("reports:public")),
        ]
        if self.user.is_authenticated:
            links += self._own_sections()
        return mark_current(links, self.request.path)

    def _own_sections(self) -> Iterator[Link]:
        if self.user.kind in APPLICANT_KINDS:
            yield Link(_("Hồ sơ của tôi"), reverse("dossiers:mine"))
        if ambassadorship(self.user) is not None:
            yield Link(_("Đại sứ số"), reverse("helpers:home"))
        if back_office_roles(self.user):
            yield Link(_("Một cửa"), reverse("backoffice:queues"))
        if dashboard_scope(self.user) is not None:
            yield Link(_("Số liệu cơ quan"), reverse("reports:dashboard"))
        if scope_for(self.user).has_access:
            yield Link(_("Tuyên truyền"), reverse("outreach:campaign_list"))
        report = self._first_report_page
        if report is not None:
            yield Link(_("Báo cáo tuyên truyền"), report)
        if self._answers_rights_requests:
            yield Link(_("Yêu cầu về dữ liệu"), reverse("rights:queue"))
        if admin.site.has_permission(self.request):
            yield Link(_("Quản trị"), reverse("admin:index"))
            if may_handle_incidents(self.user):
                yield Link(_("Sự cố dữ liệu"), reverse("breaches:list"))

    @property
    def _answers_rights_requests(self) -> bool:
        # Roster keepers from the cached outreach scope; the role query
        # only for the few accounts Django admin lets in.
        if scope_for(self.user).may_edit:
            return True
        return bool(self.user.is_staff) and answers_accounts(self.user)

    @cached_property
    def _sees_areas(self) -> bool:
        return wards_for(self.user).exists()

    @property
    def _first_report_page(self) -> str | None:
        if scope_for(self.user).has_access:
            return reverse("campaign_report:index")
        if self._sees_areas:
            return reverse("campaign_report:areas")
        return None

    @cached_property
    def outreach(self) -> list[Link]:
        """The sub-menu shared by /tuyen-truyen/ and /bao-cao-tuyen-truyen/."""
        scope = scope_for(self.user)
        links: list[Link] = []
        if scope.has_access:
            links += [
                Link(_("Chiến dịch"), reverse("outreach:campaign_list")),
                Link(_("Lớp học"), reverse("outreach:class_list")),
            ]
        if scope.may_edit:
            links.append(Link(_("Nhập danh sách học sinh"), reverse("outreach:roster_upload")))
        if scope.has_access:
            links.append(Link(_("Báo cáo cuối năm"), reverse("campaign_report:index")))
        if self._sees_areas:
            links.append(Link(_("Khu dân cư điện tử"), reverse("campaign_report:areas")))
        return mark_current(links, self.request.path)

    @cached_property
    def start(self) -> Link:
        """The user's own page: their work for staff, the ambassador pages
        for an ambassador with no dossier of their own (what a pupil's
        login is for), their dossiers for other applicants."""
        offered = {link.url: link for link in self.sections}
        for url in self._start_preference(offered):
            if url in offered:
                return replace(offered[url], current=False)
        return Link(_("Trang chủ"), reverse("core:home"))

    def _start_preference(self, offered: dict[str, Link]) -> Iterator[str]:
        yield reverse("backoffice:queues")
        yield reverse("outreach:campaign_list")
        helpers = reverse("helpers:home")
        if helpers in offered and not self._has_own_dossiers():
            yield helpers
        yield reverse("admin:index")
        yield reverse("dossiers:mine")
        yield helpers

    def _has_own_dossiers(self) -> bool:
        return applicant_dossiers(self.user).filter(is_practice=False).exists()

    @property
    def start_label(self) -> str:
        if self.start.url == reverse("core:home"):
            return _("Về trang chủ")
        return _("Về trang %(page)s") % {"page": self.start.label}


def mark_current(links: list[Link], path: str) -> list[Link]:
    """The link whose address is the longest beginning of the path is the
    current one: /tuyen-truyen/lop/3/ is under "Lớp học", not "Chiến dịch"."""
    under = [link for link in links if path.startswith(link.url)]
    if not under:
        return links
    here = max(under, key=lambda link: len(link.url))
    return [replace(link, current=link is here) for link in links]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `navigation` in every template rendered with a
    request, computed on first use."""
    return {"navigation": SimpleLazyObject(lambda: Navigation(request))}
