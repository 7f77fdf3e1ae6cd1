"""The result's download, and the public verification page."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from dichvucong.results import service
from dichvucong.results.forms import CodeForm, UploadForm
from dichvucong.results.uploads import SizeLimitHandler
from dichvucong.throttle import Limit, Refused, client_address, too_many

# Failed code lookups per client: 20 in 15 minutes leaves room for typos
# and makes guessing 60-bit codes hopeless.
CODE_GUESSES = Limit("result-code-failures", 20, 15 * 60)


@login_required
def download(request: HttpRequest, public_id: uuid.UUID) -> FileResponse:
    """The applicant's own result, or one of the staff's agency; everyone
    else gets the same 404 as for a dossier that does not exist."""
    result = service.readable_result(request.user, public_id)
    if result is None:
        raise Http404
    try:
        handle = result.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    service.record_download(result, request.user)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=service.download_name(result),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Personal documents: no shared cache may keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response


def _page(request: HttpRequest, status: int = 200, **context: Any) -> HttpResponse:
    context.setdefault("code_form", CodeForm())
    context.setdefault("upload_form", UploadForm())
    return render(request, "results/verify.html", context, status=status)


def _by_code(request: HttpRequest) -> HttpResponse:
    if "ma" not in request.GET:
        return _page(request)
    address = client_address(request)
    try:
        CODE_GUESSES.check(address)
    except Refused as refused:
        context = {"code_form": CodeForm(), "upload_form": UploadForm(), "throttled": True}
        return too_many(request, refused, "results/verify.html", context)
    form = CodeForm(request.GET)
    result = service.find_by_code(form.cleaned_data["ma"]) if form.is_valid() else None
    if result is None:
        CODE_GUESSES.hit(address)
        return _page(request, code_form=form, not_found=form.is_valid())
    return _page(
        request,
        code_form=form,
        found=service.public_facts(result),
        verdict=service.stored_verdict(result),
    )


@csrf_protect
def _by_upload(request: HttpRequest, limit: SizeLimitHandler) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES, too_large=limit.too_large)
    if not form.is_valid():
        return _page(request, upload_form=form)
    check = service.check_upload(form.cleaned_data["tep"])
    return _page(request, checked=check, verdict=check.verdict)


# CSRF is checked in _by_upload instead: the check reads the body, and the
# size limit must be in place before anything does.
@csrf_exempt
def verify(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _by_code(request)
    limit = SizeLimitHandler(request, service.MAX_UPLOAD_BYTES)
    request.upload_handlers.insert(0, limit)
    return _by_upload(request, limit)
