from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from dichvucong.catalogue import services
from dichvucong.catalogue.forms import ProcedureFilterForm

PAGE_SIZE = 20


def procedure_list(request: HttpRequest) -> HttpResponse:
    form = ProcedureFilterForm(request.GET)
    procedures = services.search_procedures(**form.search_arguments())
    # get_page, unlike page, turns a bad or out-of-range number into the
    # first or last page instead of raising.
    page = Paginator(procedures, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "catalogue/procedure_list.html", {"form": form, "page": page})


def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    procedure = services.procedure_by_code(code)
    if procedure is None:
        raise Http404(code)
    context = {
        "procedure": procedure,
        "documents": procedure.documents.all(),
        "offers_downloads": services.offers_form_downloads(procedure),
        "fixed_fee": services.fixed_fee_amount(procedure.fee_rule),
        "cutoff_hour": settings.RECEPTION_CUTOFF_HOUR,
    }
    return render(request, "catalogue/procedure_detail.html", context)


def document_template(request: HttpRequest, code: str, document_id: int) -> FileResponse:
    """The blank form of a required document, as a download. Media has no
    public URL, so the file goes out only through this view."""
    document = services.downloadable_template(code, document_id)
    if document is None:
        raise Http404(code)
    try:
        handle = document.template.open("rb")
    except FileNotFoundError:
        raise Http404(code) from None
    filename = PurePath(document.template.name).name
    return FileResponse(handle, as_attachment=True, filename=filename)
