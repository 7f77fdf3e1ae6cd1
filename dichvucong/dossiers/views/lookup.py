"""Public lookup: a dossier's status and dates, after its code and a second
factor (the applicant's phone or ID number). Nothing personal is shown, the
form is POSTed so neither value lands in a URL or an access log, and failed
attempts are limited per client through the shared cache."""

from __future__ import annotations

import contextlib
import hmac

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.forms import LookupForm
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.reorganise import agency_now
from dichvucong.lib.identity import InvalidIdentity, clean_mobile_phone
from dichvucong.throttle import Refused, client_address, too_many
from dichvucong.throttle.rules import LOOKUP_FAILURES

SEPARATORS = " .-()"


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch not in SEPARATORS)


def _factor_matches(dossier: Dossier, factor: str) -> bool:
    """The phone (any usual spelling, +84 included) or the ID number / tax
    code, compared in constant time."""
    typed = {_compact(factor)}
    with contextlib.suppress(InvalidIdentity):
        typed.add(clean_mobile_phone(factor))
    known = {_compact(dossier.applicant_phone), _compact(dossier.applicant_id_number)} - {""}
    return any(hmac.compare_digest(a.encode(), b.encode()) for a in typed for b in known)


def _spellings(code: str) -> set[str]:
    """The code as typed and in capitals (codes are printed in capitals):
    an exact match on the unique index, where a case-insensitive one
    (`iexact`, a LIKE on SQLite) read every dossier."""
    code = code.strip()
    return {code, code.upper()}


def find_dossier(code: str, factor: str) -> Dossier | None:
    """A real submitted dossier with this code whose applicant matches the
    factor; drafts and practice dossiers are never found."""
    dossier = (
        Dossier.objects.filter(code__in=_spellings(code), is_practice=False)
        .exclude(status=Status.DRAFT)
        .select_related("procedure", "agency")
        .first()
    )
    if dossier is None or not _factor_matches(dossier, factor):
        return None
    return dossier


def lookup(request: HttpRequest) -> HttpResponse:
    address = client_address(request)
    try:
        LOOKUP_FAILURES.check(address)
    except Refused as refused:
        context = {"form": LookupForm(), "throttled": True}
        return too_many(request, refused, "dossiers/lookup.html", context)
    if request.method != "POST":
        form = LookupForm(initial={"code": request.GET.get("ma", "")[:60]})
        return render(request, "dossiers/lookup.html", {"form": form})
    form = LookupForm(request.POST)
    dossier = None
    if form.is_valid():
        dossier = find_dossier(form.cleaned_data["code"], form.cleaned_data["factor"])
        if dossier is None:
            LOOKUP_FAILURES.hit(address)
            form.add_error(None, _("Không tìm thấy hồ sơ khớp với thông tin đã nhập."))
    context = {
        "form": form,
        "found": dossier,
        "agency_now": agency_now(dossier.agency) if dossier is not None else None,
    }
    return render(request, "dossiers/lookup.html", context)
