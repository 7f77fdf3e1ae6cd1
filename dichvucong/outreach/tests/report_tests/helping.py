"""A pupil's help on a dossier, recorded as the real path leaves it: the
helped row and the dossier's own "submitted on behalf" event naming the
ambassador (report.helped_submissions reads both)."""

from __future__ import annotations

from datetime import datetime

from dichvucong.dossiers.models import Dossier
from dichvucong.outreach.assisted import record_on_behalf
from dichvucong.outreach.models import Ambassador, AssistedSubmission


def record_help(
    ambassador: Ambassador, dossier: Dossier, confirmed_at: datetime | None = None
) -> AssistedSubmission:
    row = AssistedSubmission.objects.create(
        dossier=dossier,
        ambassador=ambassador,
        household_key=f"h:{dossier.pk}",
        channel="sms",
        confirmed_at=confirmed_at or dossier.submitted_at,
    )
    fresh = Dossier.objects.get(pk=dossier.pk)
    record_on_behalf(fresh, ambassador.pk, actor=fresh.applicant, channel="sms")
    return row
