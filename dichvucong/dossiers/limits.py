"""How many dossiers one account, and one client address, may submit an
hour (settings SUBMISSIONS_PER_ACCOUNT, SUBMISSIONS_PER_ADDRESS), for the
web and the API alike. A refusal (throttle.Refused) loses nothing: the
draft stays as it was."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from dichvucong.dossiers.models import Dossier
from dichvucong.throttle import client_address
from dichvucong.throttle.rules import SUBMISSIONS_BY_ACCOUNT, SUBMISSIONS_BY_ADDRESS


def count_submission(request: HttpRequest, user: Any, dossier: Dossier) -> None:
    """Count a submission of `dossier` by `user`, or raise Refused. Only a
    draft counts: submitting an already submitted dossier again (a double
    click) changes nothing and costs nothing."""
    if not dossier.is_draft:
        return
    account, address = f"user:{user.pk}", client_address(request)
    SUBMISSIONS_BY_ACCOUNT.check(account)
    SUBMISSIONS_BY_ADDRESS.check(address)
    SUBMISSIONS_BY_ACCOUNT.hit(account)
    SUBMISSIONS_BY_ADDRESS.hit(address)
