"""Back-office pages: the queues, a dossier, and the actions on it. Each
view loads, checks access, calls one operation and renders."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dichvucong.accounts.constants import Role
from dichvucong.backoffice import detail as detail_page
from dichvucong.backoffice import identity
from dichvucong.backoffice import queues as queue_service
from dichvucong.backoffice.actions import ACTIONS
from dichvucong.backoffice.forms import ActionForm, QueueFilterForm, ResultDraftForm
from dichvucong.backoffice.permissions import staff_required
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.results import service as results
from dichvucong.rights import reads


@require_GET
@staff_required
def queues(request: HttpRequest, *, roles: frozenset[str]) -> HttpResponse:
    dossiers = queue_service.base_dossiers(request.user)
    form = QueueFilterForm(request.GET, procedures=queue_service.procedures_in(dossiers))
    result = queue_service.listing(
        dossiers,
        request.user,
        roles,
        queue=form.value("queue"),
        text=form.value("q") or "",
        procedure=form.value("procedure"),
        mine=bool(form.value("mine")),
        page_number=request.GET.get("page"),
    )
    return render(
        request,
        "backoffice/queues.html",
        {
            "form": form,
            "listing": result,
            "register_url": detail_page.REGISTER_URL,
            "offers_mine": queue_service.my_work_condition(request.user, roles) is not None,
            "offers_identity": Role.RECEPTIONIST in roles,
        },
    )


@require_GET
@staff_required
def dossier_detail(request: HttpRequest, public_id: UUID, *, roles: frozenset[str]) -> HttpResponse:
    dossier = detail_page.dossier_for(request.user, public_id, reading=True)
    # The applicant may see who at the office opened it (rights/).
    reads.note_read(dossier, request.user)
    return render(request, "backoffice/detail.html", detail_page.context(request.user, dossier))


@require_POST
@staff_required
def dossier_action(
    request: HttpRequest, public_id: UUID, action: str, *, roles: frozenset[str]
) -> HttpResponse:
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404(action)
    dossier = detail_page.dossier_for(request.user, public_id)
    form = spec.form_class(request.POST, dossier=dossier, auto_id=detail_page.auto_id(action))
    if not form.is_valid():
        messages.error(request, _invalid_message(spec.label, form))
        context = detail_page.context(request.user, dossier, bound=(action, form))
        return render(request, "backoffice/detail.html", context, status=400)
    try:
        messages.success(request, spec.run(dossier, request.user, form))
    except TransitionError as error:
        # Lifecycle changed nothing; its message says why, in Vietnamese.
        messages.error(request, str(error))
    return redirect("backoffice:detail", public_id=public_id)


def _invalid_message(label: object, form: ActionForm) -> str:
    """Every error in one line, for when the form is not on the page any
    more (the dossier moved on since it was loaded)."""
    problems = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        problems.append((f"{field.label}: " if field else "") + " ".join(errors))
    return _("Chưa thực hiện được “%(action)s”. %(problems)s") % {
        "action": label,
        "problems": " ".join(problems),
    }


# --- Identity checked at the counter ------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_required
def identity_check(request: HttpRequest, *, roles: frozenset[str]) -> HttpResponse:
    """Receptionists only: find the account by the ID card's number, then
    confirm its holder or hand it to the card's owner."""
    if Role.RECEPTIONIST not in roles:
        return render(request, "backoffice/forbidden.html", status=403)
    data = request.POST if request.method == "POST" else None
    page = identity.handle(request.user, data)
    if page.done:
        messages.success(request, page.done)
        return redirect("backoffice:identity")
    response = render(request, "backoffice/identity.html", page.context)
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
def result_draft(request: HttpRequest, public_id: UUID, *, roles: frozenset[str]) -> HttpResponse:
    """The specialist's draft of the result, pre-filled from the template;
    anyone else is sent back to the dossier's page with the reason."""
    dossier = detail_page.dossier_for(request.user, public_id)
    if not results.can_draft(dossier, request.user):
        messages.error(request, _("Chỉ chuyên viên đang giữ hồ sơ mới soạn được dự thảo kết quả."))
        return redirect("backoffice:detail", public_id=public_id)
    draft = results.draft_to_edit(dossier)
    data = request.POST if request.method == "POST" else None
    form = ResultDraftForm(data, rows=draft.fields, body=draft.body)
    if data is not None and form.is_valid():
        try:
            results.save_draft(dossier, request.user, form.values(), form.cleaned_data["body"])
        except TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã lưu dự thảo kết quả. Kiểm tra lại rồi trình lãnh đạo."))
            return redirect("backoffice:detail", public_id=public_id)
    context = {"dossier": dossier, "draft": draft, "form": form,
               "sent_back": detail_page.sent_back_reason(dossier)}
    return render(request, "backoffice/result_draft.html", context, status=400 if data else 200)
