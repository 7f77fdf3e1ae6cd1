from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from dichvucong.catalogue.services import active_procedures


def procedure_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/procedure_list.html", {"procedures": active_procedures()})


def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(active_procedures(), code=code)
    return render(request, "catalogue/procedure_detail.html", {"procedure": procedure})
