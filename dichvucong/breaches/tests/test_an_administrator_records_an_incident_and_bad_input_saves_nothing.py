from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.audit.models import AuditEntry
from dichvucong.breaches.constants import EventKind, System
from dichvucong.breaches.models import Incident

FORM = {
    "found_at": "10/03/2026 09:00",
    "started_at": "08/03/2026 08:00",
    "ended_at": "09/03/2026 17:00",
    "systems": [System.DOSSIERS, System.OUTREACH],
    "description": "Máy tính ở Bộ phận Một cửa bị cài phần mềm gián điệp.",
    "consequences": "Lộ giấy tờ trong hồ sơ.",
    "measures": "Cách ly máy, đổi mật khẩu.",
    "office_name": "UBND phường Khương Mai",
    "contact_name": "Đặng Quản Trị",
    "contact_phone": "02438581234",
    "contact_email": "quantri@example.vn",
}


def test_the_incident_is_saved_with_its_event_and_an_audit_entry(client, admin_user) -> None:
    login_verified(client, admin_user)
    response = client.post("/quan-tri/su-co/moi/", FORM)
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/quan-tri/su-co/{incident.pk}/"
    assert incident.systems == [System.DOSSIERS, System.OUTREACH]
    assert incident.recorded_by == admin_user
    assert incident.events.get().kind == EventKind.RECORDED
    assert AuditEntry.objects.filter(target=f"incident={incident.pk}").count() == 1


def test_a_start_after_the_finding_is_refused_in_vietnamese_and_nothing_saved(
    client, admin_user
) -> None:
    login_verified(client, admin_user)
    response = client.post("/quan-tri/su-co/moi/", {**FORM, "started_at": "11/03/2026 08:00"})
    assert response.status_code == 200
    assert "Sự cố phải bắt đầu trước khi được phát hiện." in response.content.decode()
    assert not Incident.objects.exists()


def test_the_form_prefills_the_office_from_the_administrators_agency(
    client, admin_user, cast
) -> None:
    login_verified(client, admin_user)
    page = client.get("/quan-tri/su-co/moi/").content.decode()
    assert cast.agency_a.name in page
