"""Who files and answers data subjects' requests (least privilege).

- An applicant (citizen or organisation account) files about their own
  account only, and sees only their own requests.
- Requests about accounts are answered by the system's administrators
  (Role.ADMINISTRATOR): they already keep the accounts, and the account
  data is the district's system, not one ward's; a receptionist or leader
  of a ward sees dossiers, not accounts, and gets nothing here.
- Requests about a pupil are filed and answered by those who keep the
  pupil's roster (the school's coordinator, the education office:
  outreach.access.pupils_for). Guardians have no login here; they ask the
  school, which files the request on their behalf and says so.
Anyone else: 403 at the door, 404 for a request outside their part."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.roles import staff_held_in
from dichvucong.outreach import access as outreach
from dichvucong.rights.models import RightsRequest

SUBJECT_KINDS = (AccountKind.CITIZEN, AccountKind.ORGANISATION)


def is_subject_account(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.kind in SUBJECT_KINDS)


def answers_accounts(user: Any) -> bool:
    return bool(staff_held_in(user, (Role.ADMINISTRATOR,)))


def keeps_rosters(user: Any) -> bool:
    return outreach.scope_for(user).may_edit


def may_enter_queue(user: Any) -> bool:
    return answers_accounts(user) or keeps_rosters(user)


def answerable_requests(user: Any) -> QuerySet[RightsRequest]:
    """The requests this user may read and answer."""
    rows = RightsRequest.objects.none()
    if answers_accounts(user):
        rows = RightsRequest.objects.filter(account__isnull=False)
    if keeps_rosters(user):
        pupils = outreach.pupils_for(user).values("pk")
        rows = RightsRequest.objects.filter(Q(pk__in=rows.values("pk")) | Q(pupil_id__in=pupils))
    return rows.select_related("account", "pupil", "filed_by")
