"""Patterns that make a helper's count doubtful (issue 12, point 5).

The year-end count earns commendations, so the school and the education
office see, before the report is submitted, where help looks made up:

- one phone behind several new applicants (accounts created for the help);
- one helper behind many new accounts on the same day;
- a helper whose helped dossiers were accepted and then withdrawn or
  stopped (they never count, but a run of them is how a made-up applicant
  ends once the pupil has been "seen" helping).

A flag is a question for a person, not a verdict: nothing here changes a
count. Pure queries, a fixed number whatever the campaign's size (one per
rule, and one more for the phone rule). Flags say no name and show a
phone masked; the pages that show them decide who may read which pupil.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from dichvucong.dossiers.constants import Status
from dichvucong.notifications.masking import mask_phone
from dichvucong.outreach.models import AssistedSubmission, Campaign

# An applicant is "new" when their account was made within this time
# before the help (start_assisted makes it just before the draft).
NEW_ACCOUNT_WINDOW = timedelta(days=1)
APPLICANTS_PER_PHONE = 2
NEW_ACCOUNTS_PER_HELPER_DAY = 3
WITHDRAWN_AFTER_ACCEPTANCE = 2

SHARED_PHONE = "shared_phone"
NEW_ACCOUNTS = "new_accounts"
WITHDRAWN = "withdrawn"

PHONE = "dossier__applicant__citizen__phone"
PUPIL = "ambassador__pupil_id"
SCHOOL = "ambassador__school_class__school_id"  # the school of the year helped in


@dataclass(frozen=True)
class Flag:
    """One doubtful pattern of one pupil ambassador."""

    kind: str
    school_id: int | None
    pupil_id: int | None
    count: int
    detail: str = ""  # a masked phone, or a day: never a name

    @property
    def message(self) -> str:
        if self.kind == SHARED_PHONE:
            text = _("Một số điện thoại (%(detail)s) là số của %(n)d người nộp mới.")
        elif self.kind == NEW_ACCOUNTS:
            text = _("%(n)d tài khoản người nộp mới được tạo khi nộp hộ trong ngày %(detail)s.")
        else:
            text = _("%(n)d hồ sơ nộp hộ đã được tiếp nhận rồi bị rút hoặc dừng xử lý.")
        return text % {"n": self.count, "detail": self.detail}


def _helped(
    campaign: Campaign | None = None, pupil_ids: Iterable[int] | None = None
) -> QuerySet[Any]:
    rows = AssistedSubmission.objects.filter(
        dossier__is_practice=False, ambassador__pupil__isnull=False
    )
    if campaign is not None:
        rows = rows.filter(ambassador__campaign=campaign)
    if pupil_ids is not None:
        rows = rows.filter(ambassador__pupil_id__in=list(pupil_ids))
    return rows


def _new_applicants(rows: QuerySet[Any]) -> QuerySet[Any]:
    return rows.filter(dossier__applicant__date_joined__gte=F("created_at") - NEW_ACCOUNT_WINDOW)


def shared_phones(rows: QuerySet[Any]) -> list[Flag]:
    """Two queries: the phones behind several new applicants, then which
    helpers those applicants had."""
    new = _new_applicants(rows).exclude(**{PHONE: ""}).exclude(**{f"{PHONE}__isnull": True})
    counted = new.values(PHONE).annotate(n=Count("dossier__applicant", distinct=True)).order_by()
    phones = {row[PHONE]: row["n"] for row in counted if row["n"] >= APPLICANTS_PER_PHONE}
    if not phones:
        return []
    helpers = new.filter(**{f"{PHONE}__in": phones}).values(PHONE, PUPIL, SCHOOL).distinct()
    return [
        Flag(SHARED_PHONE, row[SCHOOL], row[PUPIL], phones[row[PHONE]], mask_phone(row[PHONE]))
        for row in helpers.order_by(SCHOOL, PUPIL, PHONE)
    ]


def new_accounts(rows: QuerySet[Any]) -> list[Flag]:
    """One query: helpers who made many new accounts on one day."""
    days = (
        _new_applicants(rows)
        .annotate(day=TruncDate("created_at"))
        .values(PUPIL, SCHOOL, "day")
        .annotate(n=Count("dossier__applicant", distinct=True))
        .filter(n__gte=NEW_ACCOUNTS_PER_HELPER_DAY)
        .order_by(SCHOOL, PUPIL, "day")
    )
    return [
        Flag(NEW_ACCOUNTS, row[SCHOOL], row[PUPIL], row["n"], row["day"].strftime("%d/%m/%Y"))
        for row in days
    ]


def withdrawn_after_acceptance(rows: QuerySet[Any]) -> list[Flag]:
    """One query: helpers with a run of accepted-then-withdrawn dossiers."""
    ended = Q(
        dossier__status__in=(Status.WITHDRAWN, Status.STOPPED), dossier__received_at__isnull=False
    )
    counted = (
        rows.filter(ended, confirmed_at__isnull=False)
        .values(PUPIL, SCHOOL)
        .annotate(n=Count("pk"))
        .filter(n__gte=WITHDRAWN_AFTER_ACCEPTANCE)
        .order_by(SCHOOL, PUPIL)
    )
    return [Flag(WITHDRAWN, row[SCHOOL], row[PUPIL], row["n"]) for row in counted]


def _all(rows: QuerySet[Any]) -> list[Flag]:
    return shared_phones(rows) + new_accounts(rows) + withdrawn_after_acceptance(rows)


def campaign_flags(campaign: Campaign, school_ids: Iterable[int] | None = None) -> list[Flag]:
    """The campaign's flags, for all schools or only `school_ids` (a
    school sees its own pupils only): four queries at most."""
    rows = _helped(campaign)
    if school_ids is not None:
        rows = rows.filter(**{f"{SCHOOL}__in": list(school_ids)})
    return _all(rows)


def pupil_flags(pupil_ids: Iterable[int]) -> list[Flag]:
    """These pupils' flags across the campaigns they helped in (a class,
    or one pupil, on the school's own pages)."""
    return _all(_helped(pupil_ids=pupil_ids))


def by_school(flags: Iterable[Flag]) -> dict[int | None, list[Flag]]:
    """Flags grouped by school, for the report page's include."""
    grouped: dict[int | None, list[Flag]] = {}
    for flag in flags:
        grouped.setdefault(flag.school_id, []).append(flag)
    return grouped
