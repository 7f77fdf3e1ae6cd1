"""Citizens book, see, print and cancel; the counter lists today's
bookings and marks them. Every page works without JavaScript."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dichvucong.accounts.constants import Role
from dichvucong.appointments import services, slip
from dichvucong.appointments.forms import BookingForm
from dichvucong.appointments.models import Booking
from dichvucong.dossiers.access import agency_ids_for
from dichvucong.throttle.limits import Refused
from dichvucong.throttle.responses import too_many


def _counter_agencies(request: HttpRequest) -> set[int]:
    return agency_ids_for(request.user, (Role.RECEPTIONIST,))


def _visible_booking(request: HttpRequest, public_id: uuid.UUID) -> Booking:
    """The citizen's own booking, or one of the receptionist's agency."""
    booking = get_object_or_404(
        Booking.objects.select_related("slot", "agency", "procedure", "citizen"),
        public_id=public_id,
    )
    if booking.citizen_id != request.user.pk and booking.agency_id not in _counter_agencies(
        request
    ):
        raise Http404
    return booking


def start(request: HttpRequest) -> HttpResponse:
    return render(request, "appointments/start.html", {"agencies": services.counter_agencies()})


@login_required
def book(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(services.counter_agencies(), pk=agency_id)
    if not hasattr(request.user, "citizen"):
        return render(request, "appointments/citizens_only.html", status=403)
    form = BookingForm(request.POST or None, procedures=services.procedures_for(agency),
                       openings=services.openings(agency))
    if request.method == "POST" and form.is_valid():
        chosen = form.slot_and_day()
        if chosen is None or chosen[0].agency_id != agency.pk:
            form.add_error("when", _("Khung giờ không hợp lệ."))
        else:
            try:
                services.BOOKINGS_BY_ACCOUNT.take(str(request.user.pk))
                booking = services.book(request.user, *chosen, form.cleaned_data["procedure"],
                                        form.visitor())
            except Refused as error:
                return too_many(request, error)
            except services.BookingRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Đã đặt lịch hẹn. Hãy in hoặc lưu phiếu hẹn."))
                return redirect("appointments:detail", booking.public_id)
    return render(request, "appointments/book.html", {"agency": agency, "form": form})


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    bookings = services.citizen_bookings(request.user).order_by("-day", "slot__start")
    return render(request, "appointments/mine.html", {"bookings": bookings})


@login_required
def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    booking = _visible_booking(request, public_id)
    return render(request, "appointments/detail.html", {
        "booking": booking, "qr_svg": slip.qr_svg(booking),
        "own": booking.citizen_id == request.user.pk,
        "can_cancel": services.can_cancel(booking),
    })


@login_required
def slip_pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    booking = _visible_booking(request, public_id)
    response = HttpResponse(slip.booking_slip(booking), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="lich-hen-{booking.code}.pdf"'
    return response


@login_required
@require_POST
def cancel(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    booking = get_object_or_404(Booking, public_id=public_id, citizen=request.user)
    if services.cancel(booking):
        messages.success(request, _("Đã hủy lịch hẹn %(code)s.") % {"code": booking.code})
    else:
        messages.error(request, _("Lịch hẹn này không hủy được nữa."))
    return redirect("appointments:mine")


@login_required
def counter(request: HttpRequest) -> HttpResponse:
    agency_ids = _counter_agencies(request)
    if not agency_ids:
        return render(request, "backoffice/forbidden.html", status=403)
    return render(request, "appointments/counter.html",
                  {"bookings": services.todays_bookings(agency_ids)})


@login_required
@require_POST
def mark(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    agency_ids = _counter_agencies(request)
    booking = get_object_or_404(Booking, public_id=public_id, agency_id__in=agency_ids)
    if not services.mark(booking, request.POST.get("status", "")):
        messages.error(request, _("Lịch hẹn này đã được đánh dấu hoặc không phải của hôm nay."))
    return redirect("appointments_counter:today")
