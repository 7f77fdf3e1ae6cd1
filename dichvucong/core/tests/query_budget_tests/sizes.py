"""Small and larger data for the query-budget tests, and the count of the
queries one request makes.

A page passes its budget when it costs the same number of queries after
`grow` has added several times more of everything around it: dossiers of
the same applicant in every status (real lifecycle, so events and files
are real; and generated ones with payments, results and ratings), drafts,
other applicants' dossiers in the other ward. Test code only.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import uploads
from dichvucong.dossiers.constants import AttachmentKind, EventKind, Status
from dichvucong.dossiers.events import record
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_dossier, make_draft, pdf_upload
from dichvucong.payments.models import Payment
from dichvucong.reports import testing as generated

# Statuses the real lifecycle brings the applicant's dossiers to.
EVERY_STATUS = (
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.PROCESSING,
    Status.SUPPLEMENT,
    Status.RESOLVED,
    Status.RETURNED,
    Status.REFUSED,
    Status.WITHDRAWN,
)


@dataclasses.dataclass
class Data:
    """Everything made so far, and how often `grow` has run."""

    cast: Cast
    world: generated.World
    rounds: int = 0


def small(cast: Cast) -> Data:
    """A few of everything: one dossier per status, a draft, one dossier of
    another applicant in the other ward, a few generated ones."""
    world = generated.extend_world(
        [cast.agency_a, cast.agency_b], cast.district, cast.applicant, cast.leader_a
    )
    data = Data(cast, world)
    grow(data, 1)
    return data


def grow(data: Data, times: int = 4) -> Data:
    """`times` more of what `small` made."""
    cast = data.cast
    for _round in range(times):
        for status in EVERY_STATUS:
            make_dossier(cast, status)
        make_draft(cast)
        make_draft(cast, cast.other_applicant, cast.agency_b)
        other = dataclasses.replace(data.world, applicant=cast.other_applicant)
        for world in (data.world, other):
            # Before today: generated codes never meet today's real ones.
            past = timezone.localdate() - timedelta(days=30)
            generated.generate(world, 10, today=past, seed=data.rounds)
        data.rounds += 1
    return data


def busier(dossier: Dossier, actor: Any, times: int = 5) -> Dossier:
    """More events, files and payments on one dossier."""
    for index in range(times):
        upload = pdf_upload(f"bo-sung-{index}.pdf")
        uploads.add_attachment(
            dossier, actor, upload, kind=AttachmentKind.SUPPLEMENT, requested=f"Giấy tờ {index}"
        )
        with transaction.atomic():
            locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
            record(locked, actor=actor, kind=EventKind.NOTE, reason=f"Ghi chú {index}")
        Payment.objects.create(dossier=dossier, amount=8000, gateway="vnpay", status="failed")
        Payment.objects.create(
            dossier=dossier,
            amount=8000,
            gateway="counter",
            status="paid",
            paid_at=timezone.now(),
            receipt_number=f"BL{dossier.pk}-{index}",
        )
    dossier.refresh_from_db()
    return dossier


def queries(client: Any, method: str, url: str, data: Any = None) -> tuple[int, Any]:
    """How many queries one request makes, and its response."""
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    return len(captured), response


def page_queries(client: Any, url: str, data: Any = None) -> int:
    """A GET's queries once the session is settled (the first request after
    a login may write the session), checking the page answers 200."""
    client.get(url, data or {})
    count, response = queries(client, "get", url, data)
    assert response.status_code == 200, (url, response.status_code)
    return count


def logged_in(client: Any, user: Any) -> Any:
    login_verified(client, user)
    return client


def drafts(cast: Cast, count: int) -> None:
    """`count` bare drafts of the applicant, written at once."""
    applicant = cast.applicant
    Dossier.objects.bulk_create(
        Dossier(
            procedure=cast.procedure,
            agency=cast.agency_a,
            applicant=applicant,
            applicant_name=applicant.full_name,
        )
        for _n in range(count)
    )
