from __future__ import annotations

from datetime import date

from dichvucong.dossiers.testing import make_draft
from dichvucong.outreach.models import Ambassador, AssistedSubmission, Campaign
from dichvucong.retention import service
from dichvucong.retention.tests.helpers import ago


def _assisted(cast, expired):  # type: ignore[no-untyped-def]
    campaign = Campaign.objects.create(
        title="Tuyên truyền dịch vụ công trực tuyến",
        lead_agency=cast.agency_a,
        start_date=date(2017, 3, 1),
        end_date=date(2017, 3, 16),
    )
    ambassador = Ambassador.objects.create(
        campaign=campaign,
        volunteer_name="Tình nguyện viên",
        residential_group=cast.group_a,
        since=date(2017, 3, 1),
    )
    dossier = make_draft(cast)
    return AssistedSubmission.objects.create(
        dossier=dossier,
        ambassador=ambassador,
        household_key=f"h:{dossier.pk}",
        channel="sms",
        code_hash="z" * 64,
        expires_at=expired,
    )


def test_the_code_hash_goes_a_day_after_expiry_and_a_live_code_stays(cast, settings):
    settings.RETENTION_CODES_DAYS = 1
    old, live = _assisted(cast, ago(2)), _assisted(cast, ago(-0.01))
    service.apply_retention()
    old.refresh_from_db()
    live.refresh_from_db()
    assert (old.code_hash, old.expires_at) == ("", None)
    assert live.code_hash == "z" * 64
    assert AssistedSubmission.objects.count() == 2
