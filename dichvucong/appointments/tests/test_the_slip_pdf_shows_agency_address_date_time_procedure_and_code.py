from __future__ import annotations

from dichvucong.appointments.models import Booking
from dichvucong.appointments.tests.helpers import TUESDAY, book_over_http
from dichvucong.dossiers.slips.tests.pdftext import image_count, page_text


def test_the_pdf_slip_has_every_fact_and_a_qr_code(client, cast, tuesday_slot, monday):
    book_over_http(client, cast.applicant, tuesday_slot, TUESDAY, cast.procedure)
    booking = Booking.objects.get()
    response = client.get(f"/dat-lich/{booking.public_id}/phieu.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = page_text(response.content)
    for fact in ("PHIẾU HẸN", cast.agency_a.name, "Số 1 Khương Mai, Thanh Xuân, Hà Nội",
                 "Ngày hẹn: 03/03/2026", "Giờ hẹn: 08:00", cast.procedure.name, booking.code):
        assert fact in text, fact
    assert image_count(response.content) == 1
