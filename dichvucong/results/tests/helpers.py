"""Dossiers with results, and reading PDFs back as text."""

from __future__ import annotations

import io

from pypdf import PdfReader

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Delivery, Status
from dichvucong.dossiers.models import Dossier, ResultDocument
from dichvucong.dossiers.testing import Cast, make_dossier


def forwarded(cast: Cast, delivery: str = Delivery.COUNTER) -> Dossier:
    """A dossier of ward A sent to leader A for approval."""
    dossier = make_dossier(cast, Status.PROCESSING)
    Dossier.objects.filter(pk=dossier.pk).update(delivery=delivery)
    dossier.refresh_from_db()
    lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    return dossier


def resolved(cast: Cast, delivery: str = Delivery.COUNTER) -> Dossier:
    """Approved by leader A, so with its result."""
    dossier = forwarded(cast, delivery)
    lifecycle.approve(dossier, cast.leader_a)
    dossier.refresh_from_db()
    return dossier


def stored_bytes(result: ResultDocument) -> bytes:
    with result.file.open("rb") as handle:
        return handle.read()


def pdf_text(data: bytes) -> str:
    """All pages' text with whitespace runs made single spaces, so a line
    break chosen by the layout does not fail a search."""
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)
