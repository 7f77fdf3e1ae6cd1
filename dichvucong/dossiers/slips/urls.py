from __future__ import annotations

from django.urls import path, register_converter

from dichvucong.dossiers.slips import views


class SlipNumber:
    """01 to 05: the per-dossier slips; 06, the register, has its own URL."""

    regex = "0[1-5]"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SlipNumber, "slip_number")

app_name = "slips"
urlpatterns = [
    path("so-theo-doi.pdf", views.register_pdf, name="register"),
    path("<uuid:public_id>/<slip_number:number>.pdf", views.dossier_slip, name="dossier_slip"),
]
