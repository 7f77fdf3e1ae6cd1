"""The submission journey: start, e-form steps, documents, check and submit.
Every page works with plain HTML posts; JavaScript adds nothing needed."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.services import assurance_of, assurance_refusal
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers import eforms, submission
from dichvucong.dossiers.constants import MAX_DOSSIER_BYTES, MAX_FILE_BYTES, Status
from dichvucong.dossiers.forms import ACCEPT, StartForm, posted_files
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.limits import count_submission
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.uploads import human_size
from dichvucong.dossiers.views.mine import editable_draft, first_page_url, own_dossier, parse_uuid

# Pages after the e-form steps: documents, then the check page.
EXTRA_PAGES = 2
# Drafts of the same procedure offered on the start page.
RECENT_DRAFTS = 3


def _total_pages(dossier: Dossier) -> int:
    return len(dossier.procedure.form_schema or []) + EXTRA_PAGES


def _draft_or_redirect(request: HttpRequest, public_id: uuid.UUID) -> Dossier | HttpResponse:
    """The draft the user fills in; a submitted dossier's content is no
    longer edited on these pages, so those go to the dossier's own page."""
    return editable_draft(request, public_id)


# --- Start ---------------------------------------------------------------------


@login_required
def start(request: HttpRequest, code: str) -> HttpResponse:
    procedure = Procedure.objects.filter(code=code, is_active=True).select_related("agency").first()
    if procedure is None:
        raise Http404
    if not submission.accepts_online(procedure):
        return render(request, "dossiers/not_online.html", {"procedure": procedure})
    form = StartForm(request.POST or None, procedure=procedure, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = submission.start_draft(request.user, procedure, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect(first_page_url(dossier))
    return render(
        request,
        "dossiers/start.html",
        {
            "procedure": procedure,
            "form": form,
            "documents": procedure.documents.all(),
            **_recent_drafts(request.user, procedure),
        },
    )


def _recent_drafts(user: Any, procedure: Procedure) -> dict[str, Any]:
    """The latest few drafts of this procedure to take up again; an
    organisation with hundreds finds the rest in "Hồ sơ của tôi"."""
    drafts = list(
        user.dossiers.filter(procedure=procedure, status=Status.DRAFT, is_practice=False).order_by(
            "-updated_at", "-pk"
        )[: RECENT_DRAFTS + 1]
    )
    return {"drafts": drafts[:RECENT_DRAFTS], "more_drafts": len(drafts) > RECENT_DRAFTS}


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# --- E-form steps -----------------------------------------------------------------


@login_required
def step(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    dossier = _draft_or_redirect(request, public_id)
    if isinstance(dossier, HttpResponse):
        return dossier
    schema = dossier.procedure.form_schema or []
    if not 1 <= number <= len(schema):
        raise Http404
    if request.method == "POST":
        try:
            return _post_step(request, dossier, number)
        except TransitionError as error:
            messages.error(request, str(error))
            return redirect("dossiers:detail", dossier.public_id)
    form = eforms.step_form(schema, number, values=dossier.form_data)
    return _render_step(request, dossier, number, form)


def _post_step(request: HttpRequest, dossier: Dossier, number: int) -> HttpResponse:
    """Whatever the button, the valid values are saved first, so nothing
    typed is lost; then "Tiếp tục" checks everything, "Lưu nháp" stays,
    "Quay lại" goes back, "Thêm dòng"/"Xóa dòng" redraws the rows."""
    schema = dossier.procedure.form_schema
    moved = eforms.row_action(schema[number - 1], request.POST)
    data = request.POST if moved is None else moved
    partial = eforms.step_form(schema, number, data, partial=True)
    submission.save_step(dossier, request.user, number, partial.values())
    if moved is not None:
        return _render_step(
            request, dossier, number, eforms.step_form(schema, number, moved, validate=False)
        )
    action = request.POST.get("action")
    if action == "next":
        form = eforms.step_form(schema, number, data)
        if form.is_valid():
            return redirect(_page_url(dossier, number + 1))
        return _render_step(request, dossier, number, form)
    if partial.errors:
        messages.warning(request, _("Đã lưu các thông tin hợp lệ. Vui lòng sửa các ô có lỗi."))
        return _render_step(request, dossier, number, partial)
    if action == "back" and number > 1:
        return redirect(_page_url(dossier, number - 1))
    messages.success(request, _saved_message(dossier, request.user))
    return redirect(_page_url(dossier, number))


def _saved_message(dossier: Dossier, user: Any) -> str:
    """Where the draft is taken up again: practice and helped drafts are
    not listed in "Hồ sơ của tôi"."""
    if dossier.is_practice:
        return _("Đã lưu nháp bài thực hành. Bạn làm tiếp từ trang “Thực hành”.")
    if dossier.helper_id is not None and dossier.helper_id == user.pk:
        return _("Đã lưu nháp. Bạn làm tiếp từ trang “Hỗ trợ nộp hồ sơ”.")
    return _("Đã lưu nháp. Bạn làm tiếp lúc nào cũng được, từ trang “Hồ sơ của tôi”.")


def _page_url(dossier: Dossier, number: int) -> str:
    steps = len(dossier.procedure.form_schema or [])
    if number <= steps:
        return reverse("dossiers:step", args=[dossier.public_id, number])
    return reverse("dossiers:documents", args=[dossier.public_id])


def _render_step(
    request: HttpRequest, dossier: Dossier, number: int, form: eforms.StepForm
) -> HttpResponse:
    return render(
        request,
        "dossiers/step.html",
        {
            "dossier": dossier,
            "procedure": dossier.procedure,
            "form": form,
            "number": number,
            "total": _total_pages(dossier),
            "title": form.step.get("title", ""),
            "previous_url": _page_url(dossier, number - 1) if number > 1 else "",
        },
    )


# --- Documents -------------------------------------------------------------------


@login_required
def documents(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = _draft_or_redirect(request, public_id)
    if isinstance(dossier, HttpResponse):
        return dossier
    required = list(dossier.procedure.documents.all())
    refused: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            refused = _post_documents(request, dossier, required)
        except TransitionError as error:
            messages.error(request, str(error))
            return redirect("dossiers:detail", dossier.public_id)
        if not refused:
            if request.POST.get("action") == "next":
                return redirect("dossiers:review", dossier.public_id)
            return redirect("dossiers:documents", dossier.public_id)
    return render(
        request,
        "dossiers/documents.html",
        _documents_context(dossier, required, refused),
        status=200,
    )


def _post_documents(
    request: HttpRequest, dossier: Dossier, required: list[Any]
) -> dict[str, list[str]]:
    remove = parse_uuid(request.POST.get("remove"))
    attachment = dossier.attachments.filter(public_id=remove).first() if remove else None
    if attachment is not None:
        submission.remove_file(attachment, request.user)
        messages.success(request, _("Đã xóa tệp “%(name)s”.") % {"name": attachment.original_name})
    files = posted_files(request.FILES, required)
    refused = submission.add_files(dossier, request.user, files)
    saved = len(files) - sum(len(errors) for errors in refused.values())
    if saved:
        messages.success(request, _("Đã tải lên %(n)d tệp.") % {"n": saved})
    return refused


def size_text(size: int) -> str:
    """ "45 KB", "2,4 MB": what a phone's file list shows."""
    if size < 1024 * 1024:
        return f"{max(1, -(-size // 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _document_rows(
    attachments: list[Any], required: list[Any], refused: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """One block per required document, then "Giấy tờ khác", each with
    its files and the refusals of the last post."""

    def files(keep: Any) -> list[dict[str, Any]]:
        return [{"file": a, "size": size_text(a.size)} for a in attachments if keep(a)]

    known = {doc.pk for doc in required}
    rows = [
        {
            "document": doc,
            "key": f"doc-{doc.pk}",
            "errors": refused.get(str(doc.pk), []),
            "files": files(lambda a, pk=doc.pk: a.document_id == pk),
        }
        for doc in required
    ]
    rows.append(
        {
            "document": None,
            "key": "doc-other",
            "errors": refused.get("other", []),
            "files": files(lambda a: a.document_id not in known),
        }
    )
    return rows


def _documents_context(
    dossier: Dossier, required: list[Any], refused: dict[str, list[str]]
) -> dict[str, Any]:
    attachments = list(dossier.attachments.all())
    rows = _document_rows(attachments, required, refused)
    steps = len(dossier.procedure.form_schema or [])
    return {
        "dossier": dossier,
        "procedure": dossier.procedure,
        "rows": rows,
        "accept": ACCEPT,
        "refused": refused,
        "number": steps + 1,
        "total": _total_pages(dossier),
        "max_file": human_size(MAX_FILE_BYTES),
        "max_dossier": human_size(MAX_DOSSIER_BYTES),
        "used": size_text(sum(a.size for a in attachments)) if attachments else "0 MB",
        "previous_url": _page_url(dossier, steps) if steps else "",
    }


# --- Check and submit ---------------------------------------------------------------


@login_required
def review(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Only the applicant submits here; a helper's draft is submitted by
    the applicant's confirmation (outreach), offered on this page."""
    if request.method == "POST":
        return _submit(request, own_dossier(request, public_id))
    dossier = _draft_or_redirect(request, public_id)
    if isinstance(dossier, HttpResponse):
        return dossier
    return _render_review(request, dossier, submission.submission_problems(dossier))


def _submit(request: HttpRequest, dossier: Dossier) -> HttpResponse:
    """Submitting twice (double click, back and resubmit) finds the
    dossier already submitted and shows it: still one dossier, one code."""
    was_draft = dossier.is_draft
    count_submission(request, request.user, dossier)
    try:
        dossier = submission.submit_dossier(dossier, request.user)
    except submission.IncompleteDossier as error:
        messages.error(request, _("Hồ sơ chưa đủ để nộp. Vui lòng bổ sung các mục dưới đây."))
        return _render_review(request, dossier, error.problems)
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect("dossiers:detail", dossier.public_id)
    if was_draft:
        messages.success(
            request,
            _(
                "Đã nộp hồ sơ thành công. Mã hồ sơ của bạn là %(code)s. "
                "Hãy ghi lại mã này để tra cứu."
            )
            % {"code": dossier.code},
        )
    return redirect("dossiers:detail", dossier.public_id)


def _render_review(request: HttpRequest, dossier: Dossier, problems: list[str]) -> HttpResponse:
    schema = dossier.procedure.form_schema or []
    answers = eforms.answers(schema, dossier.form_data)
    steps = [
        {
            "number": n,
            "title": step.get("title", ""),
            "answers": answers[n - 1],
            "url": reverse("dossiers:step", args=[dossier.public_id, n]),
        }
        for n, step in enumerate(schema, start=1)
    ]
    return render(
        request,
        "dossiers/review.html",
        {
            "dossier": dossier,
            "procedure": dossier.procedure,
            # A draft begun before a reorganisation goes to today's agency.
            "agency_today": submission.agency_today(dossier),
            "steps": steps,
            "problems": problems,
            # Said before the button is pressed, with the way to raise it.
            "identity_refusal": assurance_refusal(request.user, dossier.procedure.min_assurance),
            "phone_unconfirmed": assurance_of(request.user) == AssuranceLevel.SELF_DECLARED,
            "attachments": dossier.attachments.select_related("document"),
            "number": _total_pages(dossier),
            "total": _total_pages(dossier),
            "previous_url": reverse("dossiers:documents", args=[dossier.public_id]),
        },
    )
