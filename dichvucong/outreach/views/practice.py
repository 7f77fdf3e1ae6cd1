"""The ambassadors' pages (mounted at /dai-su-so/): the door, the home
page and practice mode. The practice draft itself is filled in on the
applicant's pages (dossiers.views.apply) under a "THỰC HÀNH" banner."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dichvucong.dossiers import submission
from dichvucong.dossiers.views.mine import first_page_url
from dichvucong.outreach import assisted, practice
from dichvucong.outreach.models import Ambassador, PracticeAttempt

View = Callable[..., HttpResponse]
PAGE_SIZE = 20


def ambassador_only(view: View) -> View:
    """Anonymous users go to the login page; users who are not (or no
    longer) active ambassadors get 403. The view receives the row."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        ambassador = practice.ambassadorship(request.user)
        if ambassador is None:
            reason = practice.help_refusal(request.user)
            return render(
                request, "outreach/helpers/not_ambassador.html", {"reason": reason}, status=403
            )
        return view(request, *args, ambassador=ambassador, **kwargs)

    return wrapper


def procedure_page(request: HttpRequest) -> tuple[str, Page]:
    """The online procedures matching ?q=, one page (?trang=) of them."""
    query = request.GET.get("q", "").strip()[:100]
    found = practice.online_procedures(query)
    return query, Paginator(found, PAGE_SIZE).get_page(request.GET.get("trang"))


@require_GET
@ambassador_only
def home(request: HttpRequest, *, ambassador: Ambassador) -> HttpResponse:
    done = 0
    if ambassador.pupil is not None:
        attempts = PracticeAttempt.objects.filter(pupil=ambassador.pupil)
        done = attempts.filter(completed_at__isnull=False).count()
    helped = assisted.helped_by(request.user).filter(confirmed_at__isnull=False).count()
    context = {"ambassador": ambassador, "practised": done, "helped": helped}
    return render(request, "outreach/helpers/home.html", context)


@require_GET
@ambassador_only
def practice_list(request: HttpRequest, *, ambassador: Ambassador) -> HttpResponse:
    drafts = list(practice.practice_dossiers(request.user)[:PAGE_SIZE])
    finished = dict(
        PracticeAttempt.objects.filter(dossier__in=drafts).values_list("dossier_id", "completed_at")
    )
    rows = [{"dossier": d, "completed_at": finished.get(d.pk)} for d in drafts]
    query, page = procedure_page(request)
    context = {"rows": rows, "query": query, "page": page}
    return render(request, "outreach/helpers/practice_list.html", context)


@require_POST
@ambassador_only
def practice_start(request: HttpRequest, code: str, *, ambassador: Ambassador) -> HttpResponse:
    procedure = get_object_or_404(practice.online_procedures(), code=code)
    try:
        dossier = practice.start_practice(request.user, procedure)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("helpers:practice")
    return redirect(first_page_url(dossier))


def _own_practice(request: HttpRequest, public_id: uuid.UUID) -> Any:
    return get_object_or_404(practice.practice_dossiers(request.user), public_id=public_id)


@require_http_methods(["GET", "POST"])
@ambassador_only
def practice_finish(
    request: HttpRequest, public_id: uuid.UUID, *, ambassador: Ambassador
) -> HttpResponse:
    """POST "Hoàn thành thực hành" from the check page; GET congratulates
    once the practice is complete."""
    dossier = _own_practice(request, public_id)
    if request.method == "POST":
        try:
            practice.finish_practice(dossier, request.user)
        except submission.IncompleteDossier:
            messages.error(request, _("Bài thực hành chưa đủ. Hãy bổ sung các mục còn thiếu."))
            return redirect("dossiers:review", dossier.public_id)
        except PermissionDenied:
            raise Http404 from None
        return redirect("helpers:practice_finish", dossier.public_id)
    done, at = practice.finished(dossier)
    if not done:
        return redirect("dossiers:review", dossier.public_id)
    context = {"dossier": dossier, "completed_at": at}
    return render(request, "outreach/helpers/practice_done.html", context)
