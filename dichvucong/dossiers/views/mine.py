"""The applicant's dossiers: loading with access checks, "Hồ sơ của tôi",
discarding a draft. The submission journey is in views.apply, following a
dossier in views.follow, files in views.files, public lookup in
views.lookup."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from dichvucong.accounts.models import CitizenProfile
from dichvucong.accounts.services import address_outdated, citizen_profile, organisation_profile
from dichvucong.dossiers import access, submission
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.models import Dossier

PAGE_SIZE = 20
# The page numbers of the two lists of "Hồ sơ của tôi", in the query string.
SUBMITTED_PAGE, DRAFTS_PAGE = "trang", "trang-nhap"


def own_dossier(request: HttpRequest, public_id: uuid.UUID) -> Dossier:
    """The request user's dossier, or 404 for a guessed or foreign id."""
    return get_object_or_404(access.applicant_dossiers(request.user), public_id=public_id)


def editable_draft(request: HttpRequest, public_id: uuid.UUID) -> Dossier | HttpResponse:
    """A draft the request user may fill in (their own, or one they fill in
    as the applicant's helper). Their own submitted dossier goes to its
    page; anything else is 404, as if it did not exist."""
    draft = access.editable_drafts(request.user).filter(public_id=public_id).first()
    if draft is not None:
        return draft
    dossier = own_dossier(request, public_id)
    return redirect("dossiers:detail", dossier.public_id)


def parse_uuid(value: Any) -> uuid.UUID | None:
    """A posted id, or None for junk (a bad UUID in a lookup would raise)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def resume_url(dossier: Dossier) -> str:
    """Where a draft is taken up again: the check page lists what is done
    and what is missing, with a link to each step."""
    return reverse("dossiers:review", args=[dossier.public_id])


def first_page_url(dossier: Dossier) -> str:
    if dossier.procedure.form_schema:
        return reverse("dossiers:step", args=[dossier.public_id, 1])
    return reverse("dossiers:documents", args=[dossier.public_id])


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """One page of submitted dossiers and one of drafts, each with its own
    number in the address: an organisation with thousands of either still
    gets a short page, in the same few queries."""
    dossiers = access.applicant_dossiers(request.user).filter(is_practice=False)
    drafts = dossiers.filter(status=Status.DRAFT).order_by("-updated_at", "-pk")
    submitted = dossiers.exclude(status=Status.DRAFT).order_by("-submitted_at", "-pk")
    profile = citizen_profile(request.user) or organisation_profile(request.user)  # type: ignore[arg-type]
    context = {
        "drafts": Paginator(drafts, PAGE_SIZE).get_page(request.GET.get(DRAFTS_PAGE)),
        "page": Paginator(submitted, PAGE_SIZE).get_page(request.GET.get(SUBMITTED_PAGE)),
        "submitted_param": SUBMITTED_PAGE,
        "drafts_param": DRAFTS_PAGE,
        # Asked, never required: the dossiers show all the same.
        "address_outdated": address_outdated(profile),
        "organisation": profile is not None and not isinstance(profile, CitizenProfile),
    }
    return render(request, "dossiers/mine.html", context)


@login_required
def discard(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """GET asks to confirm (no JavaScript confirm box), POST deletes."""
    dossier = own_dossier(request, public_id)
    if not dossier.is_draft:
        raise Http404
    if request.method == "POST":
        try:
            submission.discard_draft(dossier, request.user)
        except TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã xóa bản nháp."))
        return redirect("dossiers:mine")
    return render(request, "dossiers/discard.html", {"dossier": dossier})
