"""The draft notice to the Ministry of Public Security: office, contact,
when found, what happened, kinds and number of people and records,
consequences, measures; the deadline 72 hours after the finding, and a
late notice flagged and given its reasons."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dichvucong.accounts.testing import login_verified
from dichvucong.breaches import services
from dichvucong.breaches.constants import IncidentStatus, System
from dichvucong.breaches.tests.helpers import FOUND, START, incident, pupil, trail, url
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def test_the_draft_names_office_contact_scale_and_deadline(client, cast, admin_user) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    child = pupil()
    trail(reverse("backoffice:detail", args=[dossier.public_id]), START, cast.receptionist_a)
    trail(reverse("outreach:pupil_detail", args=[child.pk]), START, cast.receptionist_a)
    item = incident(admin_user, systems=(System.DOSSIERS, System.OUTREACH))
    login_verified(client, admin_user)

    page = client.get(url("authority_notice", item)).content.decode()

    assert "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao" in page
    for text in (
        "UBND phường Khương Mai",
        "02438581234",
        "10/03/2026 09:00",
        "Tài khoản cán bộ bị lộ mật khẩu",
        "Khóa tài khoản, đổi mật khẩu",
    ):
        assert text in page, text
    assert "13/03/2026 09:00" in page  # found + 72 hours
    assert "Số người bị ảnh hưởng (ước tính từ nhật ký truy cập): 2, trong đó 1 học sinh" in page
    assert cast.applicant.full_name not in page  # counts, never names


def test_the_pdf_is_a_pdf_and_its_download_is_recorded(client, admin_user) -> None:
    item = incident(admin_user)
    login_verified(client, admin_user)
    response = client.get(url("authority_pdf", item))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert item.events.filter(kind="authority").count() == 1


def test_an_incident_not_notified_after_72_hours_is_flagged_late(client, admin_user) -> None:
    item = incident(admin_user)  # found in March 2026, long ago for the test's clock
    login_verified(client, admin_user)
    page = client.get(url("detail", item)).content.decode()
    assert "Đã quá hạn 72 giờ" in page
    assert "11/03/2026 09:00" in page  # 72 hours from the start of the window
    assert "(quá hạn)" in client.get("/quan-tri/su-co/").content.decode()


def test_a_recent_incident_is_not_late(admin_user) -> None:
    now = timezone.now()
    item = incident(
        admin_user, found_at=now - timedelta(hours=71), started_at=now - timedelta(days=3)
    )
    assert not item.is_late()
    assert item.deadline == item.found_at + timedelta(hours=72)


def test_notifying_late_needs_the_reasons_and_they_go_into_the_notice(admin_user) -> None:
    item = incident(admin_user)
    late = FOUND + timedelta(hours=80)
    with pytest.raises(ValidationError):
        services.mark_authority_notified(admin_user, item, late, "  ")
    item.refresh_from_db()
    assert item.notified_authority_at is None

    services.mark_authority_notified(admin_user, item, late, "Chờ xác minh phạm vi sự cố.")
    item.refresh_from_db()
    assert item.status == IncidentStatus.NOTIFIED and item.is_late()
    sections = services.authority_sections(item, services.affected(item))
    assert sections[-1].paragraphs == ["Chờ xác minh phạm vi sự cố."]
    # Recorded once: a second date cannot replace the first.
    with pytest.raises(ValidationError):
        services.mark_authority_notified(admin_user, item, FOUND + timedelta(hours=1), "")
    item.refresh_from_db()
    assert item.notified_authority_at == late


def test_notifying_in_time_is_not_late_and_keeps_no_reason(client, admin_user) -> None:
    item = incident(admin_user)
    login_verified(client, admin_user)
    response = client.post(
        url("mark_notified", item), {"at": "12/03/2026 08:00", "late_reason": "x"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert not item.is_late() and item.late_reason == ""
