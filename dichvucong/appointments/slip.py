"""The booking slip: a printable A5 PDF in the frame of the one-stop
slips (dossiers/slips/pdf.py) and the QR code of the booking's page, also
shown on the HTML slip."""

from __future__ import annotations

import io

import segno
from django.urls import reverse
from django.utils import timezone

from dichvucong.appointments.models import Booking
from dichvucong.dossiers.slips.pdf import QR_SIZE, SlipPDF, format_date, qr_png
from dichvucong.public_url import public_url

TITLE = "PHIẾU HẸN LÀM THỦ TỤC TẠI BỘ PHẬN MỘT CỬA"


def booking_url(booking: Booking) -> str:
    return public_url(reverse("appointments:detail", args=[booking.public_id]))


def qr_svg(booking: Booking) -> str:
    buffer = io.BytesIO()
    segno.make(booking_url(booking), error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True,
        title=f"Mã QR lịch hẹn {booking.code}",
    )
    return buffer.getvalue().decode()


def booking_slip(booking: Booking) -> bytes:
    pdf = SlipPDF(title="Phiếu hẹn", form_number="")
    pdf.letterhead(booking.agency, timezone.localdate())
    pdf.paragraph(TITLE, bold=True, size=11, align="C")
    pdf.ln(2)
    pdf.field("Mã lịch hẹn", booking.code, bold=True)
    pdf.field("Cơ quan", booking.agency.name)
    pdf.field("Địa chỉ", booking.slot.place)
    pdf.field("Ngày hẹn", format_date(booking.day), bold=True)
    pdf.field("Giờ hẹn", booking.slot.start.strftime("%H:%M"), bold=True)
    pdf.field("Thủ tục", booking.procedure.name)
    if booking.for_someone_else:
        pdf.field("Người đến làm thủ tục", booking.visitor_name, bold=True)
        pdf.field("Người đặt hộ", booking.citizen.get_full_name())
    else:
        pdf.field("Người đặt", booking.citizen.get_full_name())
    pdf.ln(2)
    pdf.image(qr_png(booking_url(booking)), x=pdf.l_margin, w=QR_SIZE * 1.5, h=QR_SIZE * 1.5,
              alt_text=f"Mã QR lịch hẹn {booking.code}")
    pdf.paragraph("Quét mã QR để xem hoặc hủy lịch hẹn. Vui lòng đến trước giờ hẹn "
                  "và mang theo giấy tờ tùy thân.")
    return pdf.to_bytes()
