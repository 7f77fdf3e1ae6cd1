"""Steps the ambassador tests share: starting and filling an assisted
draft through the pages (or, where the pages are not the point, through
the services), and sending the code."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from dichvucong.dossiers import uploads
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, pdf_upload
from dichvucong.outreach import assisted
from dichvucong.outreach.tests.helpers_tests.cast import HelpersCast

# A neighbour with an account of her own and a confirmed phone (cast.add_neighbour).
NEIGHBOUR = assisted.ApplicantDetails(
    full_name="Phạm Thị Lan", id_number="001185012345", phone="0977123456"
)


def helper_url(name: str, dossier: Dossier | None = None) -> str:
    return reverse(f"helpers:{name}", args=[dossier.public_id] if dossier else [])


def dossier_url(name: str, dossier: Dossier, *more: Any) -> str:
    return reverse(f"dossiers:{name}", args=[dossier.public_id, *more])


def text(response: Any) -> str:
    return response.content.decode()


def start_on_page(client: Client, hc: HelpersCast, details: assisted.ApplicantDetails) -> Any:
    return client.post(
        reverse("helpers:assisted_start", args=[hc.cast.procedure.code]),
        {
            "full_name": details.full_name,
            "id_number": details.id_number,
            "phone": details.phone,
            "email": details.email,
            "ward": hc.cast.ward_a.pk,
            "delivery": "counter",
            "agreed": "on",
        },
    )


def fill_on_pages(client: Client, dossier: Dossier) -> None:
    """The two e-form steps and the required document, as typed on a phone."""
    first = {"action": "next", "child_name": "Phạm Minh Khôi", "birth_date": "20/11/2026"}
    client.post(dossier_url("step", dossier, 1), {**first, "sex": "Nam"})
    second = {
        "action": "next",
        "declarant_name": "Phạm Thị Lan",
        "declarant_id": "001185012345",
        "declarant_phone": "0977123456",
        "copies": "1",
    }
    client.post(dossier_url("step", dossier, 2), second)
    document = dossier.procedure.documents.get(required=True)
    client.post(
        dossier_url("documents", dossier),
        {"action": "next", f"doc-{document.pk}": pdf_upload("giay-chung-sinh-khoi.pdf")},
    )


def ready_draft(hc: HelpersCast, details: assisted.ApplicantDetails = NEIGHBOUR) -> Dossier:
    """A complete assisted draft, made through the services."""
    cast = hc.cast
    dossier = assisted.start_assisted(hc.helper, cast.procedure, details, ward=cast.ward_a)
    Dossier.objects.filter(pk=dossier.pk).update(form_data=dict(BIRTH_FORM_DATA))
    document = cast.procedure.documents.get(required=True)
    uploads.add_attachment(dossier, hc.helper, pdf_upload(), document=document)
    dossier.refresh_from_db()
    return dossier


def send_code_on_page(client: Client, dossier: Dossier, channel: str = "sms") -> Any:
    return client.post(helper_url("assisted_send_code", dossier), {"channel": channel})
