"""Classes and pupils: lists, "Thêm lớp", a pupil's consents, erasure.
A pupil's residential group and login are set in views/ambassadors.py."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach import access, flags, practice, services
from dichvucong.outreach.access import Scope
from dichvucong.outreach.forms import AmbassadorGroupForm, ConsentForm, SchoolClassForm
from dichvucong.outreach.models import SchoolClass
from dichvucong.outreach.roster.bulk import natural_key
from dichvucong.outreach.views.common import forbidden, outreach_staff, safe_next


@require_GET
@outreach_staff
def class_list(request: HttpRequest, *, scope: Scope) -> HttpResponse:
    """Classes with their number of pupils; counts only, so district
    leadership sees this page too."""
    classes = (
        access.classes_for(request.user)
        .select_related("school")
        .annotate(pupil_count=Count("pupils", filter=Q(pupils__erased_at__isnull=True)))
        .order_by("-school_year", "school__name", "name")
    )
    year = request.GET.get("nam_hoc", "")
    if year:
        classes = classes.filter(school_year=year)
    years = access.classes_for(request.user).values_list("school_year", flat=True).distinct()
    return render(
        request,
        "outreach/class_list.html",
        {
            "classes": classes,
            "years": sorted(set(years), reverse=True),
            "year": year,
            "may_edit": scope.may_edit,
        },
    )


@require_http_methods(["GET", "POST"])
@outreach_staff
def class_create(request: HttpRequest, *, scope: Scope) -> HttpResponse:
    if not scope.may_edit:
        return forbidden(request)
    form = SchoolClassForm(request.POST or None, user=request.user)
    if form.is_valid():
        school_class = form.save()
        messages.success(request, _("Đã thêm lớp %(name)s.") % {"name": school_class.name})
        return redirect(safe_next(request) or "outreach:class_list")
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return render(request, "outreach/class_form.html", {"form": form, "next": next_url})


@require_GET
@outreach_staff
def class_detail(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    school_class = get_object_or_404(
        access.writable_classes_for(request.user).select_related("school"), pk=pk
    )
    pupils = list(
        access.pupils_for(request.user)
        .filter(school_class=school_class)
        .select_related("guardian", "ambassador_group")
        .order_by("full_name", "pk")
    )
    answers = services.latest_consents(p.pk for p in pupils)
    usernames = practice.login_usernames(p.pk for p in pupils)
    for pupil in pupils:
        pupil.consented = services.full_consent_given(answers.get(pupil.pk, {}), pupil.birth_year)
        pupil.username = usernames.get(pupil.pk, "")
    return render(
        request,
        "outreach/class_detail.html",
        {
            "school_class": school_class,
            "pupils": pupils,
            "without_consent": sum(1 for p in pupils if not p.consented and not p.is_erased),
            "groups": _groups(school_class),
            "flags": flags.pupil_flags(p.pk for p in pupils),
        },
    )


def _groups(school_class: SchoolClass) -> list[AdminUnit]:
    """The groups the class's pupils may serve, "Tổ 2" before "Tổ 10"."""
    groups = practice.ambassador_groups(school_class.school).select_related("parent")
    return sorted(groups, key=lambda g: (g.parent.name if g.parent else "", natural_key(g.name)))


@require_GET
@outreach_staff
def pupil_detail(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    pupil = get_object_or_404(
        access.pupils_for(request.user).select_related(
            "school_class__school", "guardian", "ambassador_group__parent"
        ),
        pk=pk,
    )
    group = pupil.ambassador_group_id
    return render(
        request,
        "outreach/pupil_detail.html",
        {
            "pupil": pupil,
            "consents": pupil.consents.select_related("recorded_by"),
            "full_consent": services.has_full_consent(pupil),
            "needs_own": services.needs_own_consent(pupil.birth_year),
            "form": ConsentForm(),
            "group_form": AmbassadorGroupForm(
                initial={"group": group}, school=pupil.school_class.school, auto_id="group_%s"
            ),
            "username": practice.login_usernames([pupil.pk]).get(pupil.pk, ""),
            "flags": flags.pupil_flags([pupil.pk]),
        },
    )


@require_POST
@outreach_staff
def consent_record(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    pupil = get_object_or_404(access.pupils_for(request.user).filter(erased_at__isnull=True), pk=pk)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chưa ghi nhận: hãy chọn người cho ý kiến, ý kiến và hình thức."))
    else:
        services.record_consent(pupil, by=request.user, **form.cleaned_data)
        messages.success(request, _("Đã ghi nhận ý kiến."))
    return redirect("outreach:pupil_detail", pk=pupil.pk)


@require_POST
@outreach_staff
def pupil_erase(request: HttpRequest, pk: int, *, scope: Scope) -> HttpResponse:
    pupil = get_object_or_404(access.pupils_for(request.user), pk=pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Hãy đánh dấu ô xác nhận trước khi xóa."))
        return redirect("outreach:pupil_detail", pk=pupil.pk)
    class_id = pupil.school_class_id
    services.erase_pupil(pupil, request.user)
    messages.success(request, _("Đã xóa dữ liệu cá nhân của học sinh theo yêu cầu."))
    return redirect("outreach:class_detail", pk=class_id)
