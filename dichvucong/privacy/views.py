"""The public page with every notice in full (/bao-ve-du-lieu/)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from dichvucong.privacy.notices import CONTROLLER, RIGHTS, all_notices
from dichvucong.privacy.registry import PURPOSES


@require_GET
def notice_page(request: HttpRequest) -> HttpResponse:
    context = {
        "purposes": PURPOSES,
        "notices": all_notices(),
        "controller": CONTROLLER,
        "rights": RIGHTS,
    }
    return render(request, "privacy/notice_page.html", context)
