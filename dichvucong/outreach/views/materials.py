"""Materials: add, see versions, upload a new version, download."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dichvucong.outreach import access, materials
from dichvucong.outreach.access import Scope
from dichvucong.outreach.forms import MaterialForm, MaterialVersionForm
from dichvucong.outreach.models import Material, MaterialVersion
from dichvucong.outreach.views.common import forbidden, outreach_staff, private_download


@require_http_methods(["GET", "POST"])
@outreach_staff
def material_create(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    if not scope.manages_campaigns:
        return forbidden(request)
    campaign = get_object_or_404(access.managed_campaigns_for(request.user), pk=pk)
    form = MaterialForm(request.POST or None, request.FILES or None, campaign=campaign)
    if form.is_valid():
        data = form.cleaned_data
        material = materials.create_material(
            campaign,
            title=data["title"],
            kind=data["kind"],
            description=data["description"],
            upload=data["file"],
            note=data["note"],
            by=request.user,
        )
        messages.success(request, _("Đã thêm tài liệu."))
        return redirect("outreach:material_detail", pk=material.pk)
    return render(request, "outreach/material_form.html", {"form": form, "campaign": campaign})


@require_http_methods(["GET", "POST"])
@outreach_staff
def material_detail(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    material = get_object_or_404(
        access.materials_for(request.user).select_related("campaign"), pk=pk
    )
    manages = access.managed_campaigns_for(request.user).filter(pk=material.campaign_id).exists()
    if request.method == "POST" and not manages:
        return forbidden(request)
    form = MaterialVersionForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        version = materials.add_version(
            material, form.cleaned_data["file"], note=form.cleaned_data["note"], by=request.user
        )
        messages.success(
            request, _("Đã tải lên phiên bản %(number)s.") % {"number": version.number}
        )
        return redirect("outreach:material_detail", pk=material.pk)
    return render(
        request,
        "outreach/material_detail.html",
        {
            "material": material,
            "versions": material.versions.all(),
            "form": form,
            "manages": manages,
        },
    )


@require_GET
@outreach_staff
def version_download(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    version = get_object_or_404(access.material_versions_for(request.user), pk=pk)
    return private_download(version.file, version.original_name, version.content_type)


@require_GET
@outreach_staff
def latest_download(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    material: Material = get_object_or_404(access.materials_for(request.user), pk=pk)
    version: MaterialVersion | None = material.latest_version()
    if version is None:
        raise Http404
    return private_download(version.file, version.original_name, version.content_type)
